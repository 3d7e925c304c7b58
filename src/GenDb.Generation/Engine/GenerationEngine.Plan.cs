using System.Globalization;
using GenDb.Generation.Randomness;
using GenDb.Generation.Semantics;
using GenDb.Generation.Values;
using GenDb.Protocol;
using GenDb.Schema;
using GenDb.Sql;

namespace GenDb.Generation.Engine;

public sealed partial class GenerationEngine
{
    /// <summary>
    /// What <see cref="RunAsync"/> would do to the requested tables, column by column, without
    /// writing: gendb.plan and gendb inspect. gendb.yaml's impossible overrides fail here as they
    /// would in a run (F0000 with the file, line and column).
    /// </summary>
    public async Task<IReadOnlyList<PlannedTable>> PlanAsync(IReadOnlyList<TableRequest> requests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var rows = new Dictionary<QualifiedName, long>();
        foreach (var request in requests)
        {
            rows[TablePlanner.RootOf(model, request.Table)] = request.Rows;
        }

        var (order, deferred) = LoadOrder(rows.Keys);
        var planned = new List<PlannedTable>();
        foreach (var name in order)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var table = model.FindTable(name)!;
            var plan = TablePlanner.Build(model, table, rows[name], options, _chooser, deferred, appendToExistingRows: false);
            await CheckValuesAsync(plan, cancellationToken);
            planned.Add(Describe(plan, ColumnStreams(plan)));
        }

        return planned;
    }

    /// <summary>Draws per column for <see cref="PlannedColumn.Examples"/> and <see cref="PlannedColumn.Spread"/>.</summary>
    public const int SampleSize = 256;

    /// <summary>A column with at most this many distinct values in its sample gets a <see cref="PlannedColumn.Spread"/>.</summary>
    private const int SpreadValues = 12;

    private static PlannedTable Describe(TablePlan plan, Rng[] streams)
    {
        var table = plan.Table;
        var columns = new List<PlannedColumn>();
        foreach (var column in table.Columns.OrderBy(c => c.Position))
        {
            if (plan.LeftOut.FirstOrDefault(c => c.Name == column.Name) is { } leftOut)
            {
                columns.Add(leftOut with { Constraints = Constraints(plan, column, null) });
                continue;
            }

            var columnPlan = plan.Columns.First(c => c.Column.Name == column.Name);
            var source = columnPlan.Source switch
            {
                ColumnSource.ForeignKey or ColumnSource.Deferred => PlannedSource.ForeignKey,
                ColumnSource.Null when columnPlan.GeneratorName == "NULL" => PlannedSource.Null,
                _ => columnPlan.ChosenBy switch
                {
                    GeneratorSource.Override => PlannedSource.Override,
                    GeneratorSource.ColumnRule => PlannedSource.ColumnRule,
                    GeneratorSource.Concept => PlannedSource.Concept,
                    _ => PlannedSource.TypeFallback,
                },
            };
            var (examples, spread) = Sample(columnPlan, streams[plan.Columns.IndexOf(columnPlan)]);
            columns.Add(new PlannedColumn(column.Name, column.TypeSql, columnPlan.GeneratorName, source, columnPlan.Reason, Constraints(plan, column, columnPlan))
            {
                Examples = examples,
                Spread = spread,
            });
        }

        var load = plan.NeedsFilter ? $"filtered by PostgreSQL: {string.Join("; ", plan.FilterReasons.Distinct())}" : "COPY straight in";
        return new PlannedTable(table.QualifiedName, plan.Synthetic, plan.Rows, load, columns, [.. plan.Notes]);
    }

    /// <summary>The first values of the column's own stream, as a run would draw them (NULLs aside).</summary>
    private static (IReadOnlyList<string> Examples, IReadOnlyList<(string, int)> Spread) Sample(ColumnPlan column, Rng stream)
    {
        if (column.Source != ColumnSource.Generated || column.Generator is not { } generator)
        {
            return ([], []);
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        var buffer = new ValueBuilder(64);
        for (var row = 0; row < SampleSize; row++)
        {
            buffer.Clear();
            generator.Write(row, ref stream, buffer);
            var value = buffer.ToString();
            if (counts.TryGetValue(value, out var count))
            {
                counts[value] = count + 1;
            }
            else
            {
                counts[value] = 1;
                order.Add(value);
            }
        }

        var examples = order.Take(3).ToList();
        var spread = counts.Count <= SpreadValues
            ? counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, c.Value)).ToList()
            : [];
        return (examples, spread);
    }

    /// <summary>What a column's values keep, for people: NOT NULL, keys, CHECKs, the share of NULLs.</summary>
    private static List<string> Constraints(TablePlan plan, ColumnModel column, ColumnPlan? columnPlan)
    {
        var list = new List<string>();
        if (column.NotNull)
        {
            list.Add("NOT NULL");
        }

        foreach (var constraint in plan.Table.Constraints.Where(c => c.Columns.Contains(column.Name)))
        {
            switch (constraint.Kind)
            {
                case ConstraintKind.PrimaryKey:
                    list.Add(constraint.Columns.Count == 1 ? "PRIMARY KEY" : $"PRIMARY KEY ({string.Join(", ", constraint.Columns)})");
                    break;
                case ConstraintKind.Unique:
                    list.Add(constraint.Columns.Count == 1 ? "UNIQUE" : $"UNIQUE ({string.Join(", ", constraint.Columns)})");
                    break;
                case ConstraintKind.Check:
                    list.Add(constraint.Definition);
                    break;
                case ConstraintKind.Exclude:
                    list.Add(constraint.Definition);
                    break;
            }
        }

        if (plan.TemporaryUnique.Contains(column.Name))
        {
            list.Add("unique (gendb.yaml)");
        }

        if (columnPlan?.ForeignKey is { Deferred: true })
        {
            list.Add("set after loading (cycle or self-reference)");
        }

        if (columnPlan is { NullFraction: > 0 } && (columnPlan.Source != ColumnSource.ForeignKey || columnPlan.PicksKey))
        {
            list.Add(string.Create(CultureInfo.InvariantCulture, $"NULL in {columnPlan.NullFraction:0.##%} of rows"));
        }

        return list;
    }

    /// <summary>
    /// one_of and constant values from gendb.yaml, cast to the column's type and tried against the
    /// column's own CHECKs by PostgreSQL, so a value the table would refuse is reported with its
    /// place in the file instead of stalling the load.
    /// </summary>
    private async Task CheckValuesAsync(TablePlan plan, CancellationToken cancellationToken)
    {
        foreach (var (columnPlan, values, where) in plan.ValueChecks)
        {
            var column = columnPlan.Column;
            var name = Quote.Identifier(column.Name);
            var rows = string.Join(", ", values.Select((v, i) => $"({i}, {Quote.Literal(v)})"));
            var cast = $"SELECT ord, v::{column.TypeSql} AS {name} FROM (VALUES {rows}) AS s(ord, v)";
            var checks = plan.Table.Constraints
                .Where(c => c.Kind == ConstraintKind.Check && c.Columns.Count == 1 && c.Columns[0] == column.Name)
                .ToList();
            // count(column), not count(*): PostgreSQL drops an unused output column, and its cast with it.
            var queries = new List<(string Sql, string? Constraint, string? Definition)> { ($"SELECT count({name}) FROM ({cast}) AS t", null, null) };
            queries.AddRange(checks.Select(c => ($"SELECT ord FROM ({cast}) AS t WHERE ({TablePlanner.CheckExpression(c.Definition)}) IS FALSE ORDER BY ord LIMIT 1", (string?)c.Name, (string?)c.Definition)));
            foreach (var (sql, constraint, definition) in queries)
            {
                var result = await TryQueryAsync(sql, cancellationToken);
                var kind = columnPlan.GeneratorName;
                var location = where?.ToString() ?? "gendb.yaml";
                if (result.Error is { } error)
                {
                    throw new GenerationException("F0000",
                        $"{location}: {plan.Table.QualifiedName}.{column.Name}: a {kind} value is not a valid {column.TypeSql}: {error.Message}",
                        "Write the values as PostgreSQL reads them for the column's type, e.g. 42, 2024-05-01, true.")
                    { Table = plan.Table.QualifiedName.ToString(), Column = column.Name };
                }

                if (constraint is not null && result.Rows.Count > 0)
                {
                    var value = values[int.Parse(result.Rows[0][0]!, CultureInfo.InvariantCulture)];
                    throw new GenerationException("F0000",
                        $"{location}: {plan.Table.QualifiedName}.{column.Name}: {kind} value \"{value}\" violates check constraint {constraint}: {definition}",
                        $"Remove \"{value}\" from gendb.yaml, or change it to a value the constraint accepts.")
                    { Table = plan.Table.QualifiedName.ToString(), Column = column.Name, Constraint = constraint };
                }
            }
        }
    }

    /// <summary>A read-only query whose failure must not end the caller's transaction: a savepoint inside one.</summary>
    private async Task<(IReadOnlyList<string?[]> Rows, PostgresError? Error)> TryQueryAsync(string sql, CancellationToken cancellationToken)
    {
        var inTransaction = session.TransactionStatus == TransactionStatus.InTransaction;
        if (inTransaction)
        {
            await session.QueryAsync("SAVEPOINT gendb_check", cancellationToken);
        }

        try
        {
            var result = await session.QueryAsync(sql, cancellationToken);
            if (inTransaction)
            {
                await session.QueryAsync("RELEASE SAVEPOINT gendb_check", cancellationToken);
            }

            return (result.Rows, null);
        }
        catch (SqlErrorException ex)
        {
            if (inTransaction)
            {
                await session.QueryAsync("ROLLBACK TO SAVEPOINT gendb_check", cancellationToken);
                await session.QueryAsync("RELEASE SAVEPOINT gendb_check", cancellationToken);
            }

            return ([], ex.Error);
        }
    }
}
