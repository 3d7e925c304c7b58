using System.Diagnostics;
using System.Globalization;
using GenDb.Generation.Randomness;
using GenDb.Generation.Semantics;
using GenDb.Schema;
using GenDb.Schema.Synthetic;
using GenDb.Sql;

namespace GenDb.Generation.Engine;

/// <summary>
/// Fills synthetic tables with rows that satisfy every constraint, streaming them into COPY
/// through an <see cref="ISqlSession"/> (the client's own session through the proxy, or a plain
/// connection from the CLI). It only ever writes to <c>gendb_*</c> schemas and expects to run
/// inside a transaction block, which the caller commits or rolls back: on any failure nothing is
/// left behind.
/// </summary>
/// <remarks>
/// The run: work out which tables take part (empty referenced tables, and in replace mode the
/// synthetic tables that referenced replaced rows); drop the foreign keys that touch them; empty
/// them (replace); fill them parents first, straight through COPY when every constraint holds by
/// construction, otherwise through a staging table whose candidate rows PostgreSQL filters with
/// the table's own CHECK expressions and ON CONFLICT DO NOTHING; set the keys of cycles and
/// self-references with an UPDATE; put the foreign keys back (PostgreSQL validates each with one
/// query); move every sequence past the largest value.
/// </remarks>
public sealed partial class GenerationEngine(ISqlSession session, DatabaseModel model, GenerationOptions options, IGenerationObserver? observer = null)
{
    private readonly IGeneratorChooser _chooser = options.DetectConcepts ? new DetectingChooser(options.Semantics) : TypeFallbackChooser.Instance;

    private int _temporaryTables;

    public async Task<IReadOnlyList<TableReport>> RunAsync(IReadOnlyList<TableRequest> requests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var run = await ResolveRunAsync(requests, cancellationToken);
        var (order, deferred) = LoadOrder(run.Keys);
        var plans = new Dictionary<QualifiedName, TablePlan>();
        foreach (var name in order)
        {
            var (rows, reason, existing) = run[name];
            var plan = TablePlanner.Build(model, model.FindTable(name)!, rows, options, _chooser, deferred,
                appendToExistingRows: options.Mode == GenerationMode.Append && existing > 0);
            plan.Reason = reason;
            plans[name] = plan;
        }

        foreach (var plan in plans.Values)
        {
            await CheckValuesAsync(plan, cancellationToken);
        }

        var foreignKeys = await DropForeignKeysAsync(plans.Values, cancellationToken);
        if (options.Mode == GenerationMode.Replace)
        {
            await session.QueryAsync(
                $"TRUNCATE {string.Join(", ", plans.Values.Select(p => p.Synthetic.Sql))} RESTART IDENTITY",
                cancellationToken);
            await RestartSequencesAsync(plans.Values, cancellationToken);
        }

        var reports = new List<TableReport>();
        foreach (var name in order)
        {
            var plan = plans[name];
            cancellationToken.ThrowIfCancellationRequested();
            if (observer is not null)
            {
                await observer.TableStartedAsync(name, plan.Rows, cancellationToken);
            }

            var clock = Stopwatch.StartNew();
            foreach (var column in plan.RelaxedNotNull)
            {
                await session.QueryAsync($"ALTER TABLE {plan.Synthetic.Sql} ALTER COLUMN {Quote.Identifier(column)} DROP NOT NULL", cancellationToken);
            }

            foreach (var key in plan.ForeignKeys.Where(k => !k.Deferred))
            {
                key.Keys = await ParentKeysAsync(plan, key, cancellationToken);
            }

            var uniqueIndexes = new List<string>();
            foreach (var column in plan.TemporaryUnique)
            {
                var index = NextTemporaryName("unique")["pg_temp.".Length..];
                await session.QueryAsync($"CREATE UNIQUE INDEX {index} ON {plan.Synthetic.Sql} ({Quote.Identifier(column)})", cancellationToken);
                uniqueIndexes.Add($"{Quote.Identifier(plan.Synthetic.Schema)}.{index}");
            }

            long inserted;
            try
            {
                inserted = await LoadAsync(plan, cancellationToken);
            }
            catch (SqlErrorException ex)
            {
                throw Named(plan, ex);
            }

            await FollowParentTimelineAsync(plan, plans, cancellationToken);
            foreach (var index in uniqueIndexes)
            {
                await session.QueryAsync($"DROP INDEX {index}", cancellationToken);
            }

            var report = new TableReport(name, plan.Synthetic, inserted, clock.ElapsedMilliseconds, Note(plan));
            reports.Add(report);
            if (observer is not null)
            {
                await observer.TableFinishedAsync(report, cancellationToken);
            }
        }

        foreach (var plan in order.Select(n => plans[n]))
        {
            foreach (var key in plan.ForeignKeys.Where(k => k.Deferred))
            {
                await FillDeferredKeyAsync(plan, key, cancellationToken);
            }
        }

        foreach (var plan in plans.Values)
        {
            foreach (var column in plan.RelaxedNotNull)
            {
                await session.QueryAsync($"ALTER TABLE {plan.Synthetic.Sql} ALTER COLUMN {Quote.Identifier(column)} SET NOT NULL", cancellationToken);
            }
        }

        await RestoreForeignKeysAsync(foreignKeys, cancellationToken);
        await AdvanceSequencesAsync(plans.Values, cancellationToken);
        return reports;
    }

    /// <summary>A server error while filling a table, said with the table's name (and the server's column and constraint).</summary>
    private static GenerationException Named(TablePlan plan, SqlErrorException ex)
    {
        var where = new List<string>();
        if (ex.Error.ColumnName is { } column)
        {
            where.Add($"column {column}");
        }

        if (ex.Error.ConstraintName is { } constraint)
        {
            where.Add($"constraint {constraint}");
        }

        var detail = ex.Error.Detail is { } d ? $" ({d})" : string.Empty;
        return new GenerationException(ex.Error.SqlState,
            $"generating {plan.Table.QualifiedName}{(where.Count > 0 ? ", " + string.Join(", ", where) : string.Empty)}: {ex.Error.Message}{detail}",
            ex.Error.Hint ?? "Give the column a generator in gendb.yaml, or exclude the table; nothing was written.", ex)
        {
            Table = plan.Table.QualifiedName.ToString(),
            Column = ex.Error.ColumnName,
            Constraint = ex.Error.ConstraintName,
        };
    }

    /// <summary>The per-column random stream: depends on the seed and the column's real name only.</summary>
    internal Rng[] ColumnStreams(TablePlan plan) =>
        [.. plan.Columns.Select(c => new Rng(StableSeed.Derive(options.Seed, plan.Table.Schema, plan.Table.Name, c.Column.Name)))];

    private static string? Note(TablePlan plan)
    {
        var parts = new List<string>();
        if (plan.Reason is not null)
        {
            parts.Add(plan.Reason);
        }

        parts.AddRange(plan.Notes);
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    /// <summary>
    /// The tables of the run with their row counts: the requested ones; referenced tables whose
    /// synthetic copy has no rows; in replace mode, synthetic tables with rows that reference a
    /// replaced table (their rows would point at rows that are gone).
    /// </summary>
    private async Task<Dictionary<QualifiedName, (long Rows, string? Reason, long Existing)>> ResolveRunAsync(
        IReadOnlyList<TableRequest> requests, CancellationToken cancellationToken)
    {
        var roots = model.Tables.Where(t => !t.IsPartition).ToList();
        var parentsOf = roots.ToDictionary(t => t.QualifiedName, t => ParentsOf(t).ToList());
        var counts = await SyntheticRowCountsAsync(roots, cancellationToken);

        var run = new Dictionary<QualifiedName, (long Rows, string? Reason, long Existing)>();
        foreach (var request in requests)
        {
            var root = TablePlanner.RootOf(model, request.Table);
            run[root] = (request.Rows, null, counts.GetValueOrDefault(root, -1));
        }

        var grew = true;
        while (grew)
        {
            grew = false;
            foreach (var (table, entry) in run.ToList())
            {
                foreach (var parent in parentsOf[table].Where(p => p != table && !run.ContainsKey(p)))
                {
                    if (counts.GetValueOrDefault(parent, -1) <= 0)
                    {
                        var rows = options.Profile.TableFor(parent)?.Rows ?? entry.Rows;
                        run[parent] = (rows, $"generated too: {table} references it and it had no synthetic rows", 0);
                        grew = true;
                    }
                }
            }

            if (options.Mode != GenerationMode.Replace)
            {
                continue;
            }

            foreach (var child in roots.Where(t => !run.ContainsKey(t.QualifiedName)))
            {
                var replaced = parentsOf[child.QualifiedName].FirstOrDefault(p => p != child.QualifiedName && run.ContainsKey(p));
                var existing = counts.GetValueOrDefault(child.QualifiedName, -1);
                if (replaced is not null && existing > 0)
                {
                    run[child.QualifiedName] = (existing, $"regenerated: its {existing} synthetic rows referenced replaced rows of {replaced}", existing);
                    grew = true;
                }
            }
        }

        foreach (var (table, entry) in run)
        {
            if (entry.Existing < 0)
            {
                throw new GenerationException("42P01", $"synthetic table {SyntheticCopyBuilder.Target(table, options.Scenario)} does not exist",
                    "Run CALL gendb.sync() for the table first (generate_data does this itself).") { Table = table.ToString() };
            }
        }

        return run;
    }

    /// <summary>The roots of the tables a table's foreign keys (and its partitions' own) reference.</summary>
    private IEnumerable<QualifiedName> ParentsOf(TableModel table) =>
        table.ForeignKeys.Concat(TablePlanner.Descendants(model, table).SelectMany(p => p.ForeignKeys.Where(fk => !fk.IsInherited)))
            .Select(fk => TablePlanner.RootOf(model, fk.Referenced!))
            .Distinct();

    /// <summary>Row counts of the synthetic copies that exist (-1 for none).</summary>
    private async Task<Dictionary<QualifiedName, long>> SyntheticRowCountsAsync(List<TableModel> roots, CancellationToken cancellationToken)
    {
        var targets = roots.Select(t => (Real: t.QualifiedName, Synthetic: SyntheticCopyBuilder.Target(t.QualifiedName, options.Scenario))).ToList();
        var exists = await session.QueryAsync(
            $"""
            SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE starts_with(n.nspname, {Quote.Literal(SyntheticNaming.SchemaPrefix(options.Scenario))}) AND c.relkind IN ('r', 'p')
            """,
            cancellationToken);
        var present = exists.Rows.Select(r => new QualifiedName(r[0]!, r[1]!)).ToHashSet();
        var counted = targets.Where(t => present.Contains(t.Synthetic)).ToList();
        var result = targets.ToDictionary(t => t.Real, _ => -1L);
        if (counted.Count == 0)
        {
            return result;
        }

        var counts = await session.QueryAsync(
            "SELECT " + string.Join(", ", counted.Select(t => $"(SELECT count(*) FROM {t.Synthetic.Sql})")),
            cancellationToken);
        for (var i = 0; i < counted.Count; i++)
        {
            result[counted[i].Real] = long.Parse(counts.Rows[0][i]!, CultureInfo.InvariantCulture);
        }

        return result;
    }

    /// <summary>
    /// Parents first. When a cycle leaves no table ready, the table whose remaining keys are most
    /// often nullable goes first and those keys are deferred: loaded NULL, set by an UPDATE after.
    /// Self-references are always deferred. Ties go by name, so the order is the same everywhere.
    /// </summary>
    private (List<QualifiedName> Order, HashSet<(QualifiedName, string)> Deferred) LoadOrder(IEnumerable<QualifiedName> tables)
    {
        var remaining = new SortedSet<QualifiedName>(tables);
        var keys = remaining.ToDictionary(t => t, t =>
        {
            var table = model.FindTable(t)!;
            return table.ForeignKeys.Concat(TablePlanner.Descendants(model, table).SelectMany(p => p.ForeignKeys.Where(fk => !fk.IsInherited)))
                .Select(fk => (Key: fk, Parent: TablePlanner.RootOf(model, fk.Referenced!), Nullable: fk.Columns.All(c => !table.Column(c).NotNull)))
                .ToList();
        });

        var deferred = new HashSet<(QualifiedName, string)>();
        foreach (var (table, list) in keys)
        {
            foreach (var (key, _, _) in list.Where(k => k.Parent == table))
            {
                deferred.Add((table, key.Name));
            }
        }

        var order = new List<QualifiedName>();
        while (remaining.Count > 0)
        {
            bool Waits((ConstraintModel Key, QualifiedName Parent, bool Nullable) k, QualifiedName t) =>
                k.Parent != t && remaining.Contains(k.Parent);

            var ready = remaining.FirstOrDefault(t => !keys[t].Any(k => Waits(k, t)));
            if (ready is null)
            {
                ready = remaining.OrderBy(t => keys[t].Count(k => Waits(k, t) && !k.Nullable)).ThenBy(t => t).First();
                foreach (var (key, _, _) in keys[ready].Where(k => Waits(k, ready)))
                {
                    deferred.Add((ready, key.Name));
                }
            }

            remaining.Remove(ready);
            order.Add(ready);
        }

        return (order, deferred);
    }

    private string NextTemporaryName(string purpose) =>
        $"pg_temp.{Quote.Identifier($"gendb_{purpose}_{++_temporaryTables}")}";
}
