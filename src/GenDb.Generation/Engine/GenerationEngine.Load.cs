using System.Globalization;
using System.Runtime.CompilerServices;
using GenDb.Generation.Randomness;
using GenDb.Generation.Values;
using GenDb.Sql;

namespace GenDb.Generation.Engine;

public sealed partial class GenerationEngine
{
    /// <summary>COPY data is sent in chunks of about this size.</summary>
    internal const int ChunkBytes = 64 * 1024;

    /// <summary>Rounds of candidates a filtered table may take without reaching its count.</summary>
    private const int MaxStalledRounds = 3;

    private const double ForeignKeySkew = 1.8;

    /// <summary>Where each value of the row being written starts and ends in the chunk, for templates.</summary>
    internal sealed class RowValues(int columns)
    {
        public int[] Starts { get; } = new int[columns];

        public int[] Ends { get; } = new int[columns];

        public bool[] Nulls { get; } = new bool[columns];
    }

    /// <summary>Fills one table; returns the rows inserted.</summary>
    private async Task<long> LoadAsync(TablePlan plan, CancellationToken cancellationToken)
    {
        if (plan.Rows == 0)
        {
            return 0;
        }

        foreach (var key in plan.ForeignKeys.Where(k => !k.Deferred && k.Keys.Count == 0 && !k.Nullable))
        {
            throw new GenerationException("23503",
                $"cannot fill {plan.Table.QualifiedName}: foreign key {key.Constraint.Name} needs rows in {key.Parent}, and its synthetic copy has none",
                $"Generate {key.Parent} first, or include it: CALL gendb.generate_data(include => '{plan.Table.QualifiedName},{key.Parent}').")
            { Table = plan.Table.QualifiedName.ToString(), Constraint = key.Constraint.Name };
        }

        if (!plan.NeedsFilter)
        {
            foreach (var key in plan.ForeignKeys.Where(k => k.Unique && !k.Deferred && k.Keys.Count < plan.Rows))
            {
                throw new GenerationException("23505",
                    $"cannot fill {plan.Table.QualifiedName} with {plan.Rows} rows: each row needs its own row of {key.Parent} (the key of {key.Constraint.Name} is unique), and there are {key.Keys.Count}",
                    $"Generate at least {plan.Rows} rows in {key.Parent}, or fewer in {plan.Table.QualifiedName}.")
                { Table = plan.Table.QualifiedName.ToString(), Constraint = key.Constraint.Name };
            }

            await session.QueryAsync("SAVEPOINT gendb_load", cancellationToken);
            try
            {
                var copied = await session.CopyInAsync(CopyStatement(plan.Synthetic.Sql, plan), Rows(plan, ColumnStreams(plan), 0, plan.Rows, cancellationToken), cancellationToken);
                await session.QueryAsync("RELEASE SAVEPOINT gendb_load", cancellationToken);
                return copied;
            }
            catch (SqlErrorException ex) when (ex.Error.SqlState.StartsWith("23", StringComparison.Ordinal))
            {
                // A constraint GenDB thought it met was not: PostgreSQL judges the rows instead.
                await session.QueryAsync("ROLLBACK TO SAVEPOINT gendb_load", cancellationToken);
                await session.QueryAsync("RELEASE SAVEPOINT gendb_load", cancellationToken);
                plan.FilterReasons.Add(ex.Error.Message);
            }
        }

        return await LoadFilteredAsync(plan, cancellationToken);
    }

    /// <summary>
    /// Candidate rows go to a staging table; only those that pass every CHECK and conflict with no
    /// unique key move on, until the table has its count. Each round asks for what is missing,
    /// scaled by how many candidates the last round lost.
    /// </summary>
    private async Task<long> LoadFilteredAsync(TablePlan plan, CancellationToken cancellationToken)
    {
        var stage = NextTemporaryName("stage");
        var columns = string.Join(", ", plan.Columns.Select(c => Quote.Identifier(c.Column.Name)));
        await session.QueryAsync($"CREATE TEMP TABLE {stage[("pg_temp.".Length)..]} AS SELECT {columns} FROM {plan.Synthetic.Sql} WITH NO DATA", cancellationToken);
        var copied = plan.Columns.Select(c => c.Column.Name).ToHashSet(StringComparer.Ordinal);
        var checks = plan.Checks
            .Where(c => plan.Table.FindConstraint(c.Name) is { } constraint && constraint.Columns.All(copied.Contains))
            .Select(c => $"({c.Expression}) IS NOT FALSE")
            .ToList();
        var where = checks.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", checks);

        var addedTable = NextTemporaryName("added");
        await session.QueryAsync($"CREATE TEMP TABLE {addedTable["pg_temp.".Length..]} (ord bigserial, rel oid, tid tid)", cancellationToken);
        var streams = ColumnStreams(plan);
        long inserted = 0;
        long nextRow = 0;
        var passRate = 1.0;
        var stalled = 0;
        while (inserted < plan.Rows)
        {
            var missing = plan.Rows - inserted;
            var candidates = (long)Math.Ceiling(Math.Min(missing / Math.Max(passRate, 0.02) * 1.1 + 16, missing * 50.0 + 1000));
            await session.CopyInAsync(CopyStatement(stage, plan), Rows(plan, streams, nextRow, candidates, cancellationToken), cancellationToken);
            nextRow += candidates;
            // Every candidate that passes goes in (a LIMIT before ON CONFLICT could pick only
            // conflicting rows); rows past the count are taken out again, newest first. The
            // count comes back as a row, not from the command tag, which not every session reports.
            await session.QueryAsync(
                $"""
                WITH inserted AS (
                    INSERT INTO {plan.Synthetic.Sql} ({columns})
                    SELECT {columns} FROM {stage}{where}
                    ON CONFLICT DO NOTHING RETURNING tableoid, ctid)
                INSERT INTO {addedTable} (rel, tid) SELECT tableoid, ctid FROM inserted
                """,
                cancellationToken);
            var result = await session.QueryAsync($"SELECT count(*) FROM {addedTable}", cancellationToken);
            var added = long.Parse(result.Rows[0][0]!, CultureInfo.InvariantCulture);
            if (added > missing)
            {
                await session.QueryAsync(
                    $"DELETE FROM {plan.Synthetic.Sql} WHERE (tableoid, ctid) IN (SELECT rel, tid FROM {addedTable} ORDER BY ord OFFSET {missing})",
                    cancellationToken);
                added = missing;
            }

            await session.QueryAsync($"TRUNCATE {addedTable}", cancellationToken);
            await session.QueryAsync($"TRUNCATE {stage}", cancellationToken);
            inserted += added;
            passRate = Math.Max(added / (double)candidates, 0.0);
            stalled = added == 0 ? stalled + 1 : 0;
            if (stalled >= MaxStalledRounds)
            {
                throw new GenerationException("23514",
                    $"could only generate {inserted} of {plan.Rows} rows for {plan.Table.QualifiedName}: its constraints reject the values GenDB makes ({string.Join("; ", plan.FilterReasons)})",
                    "Ask for fewer rows, generate more rows in the tables it references, or give the constrained columns a generator in gendb.yaml.")
                { Table = plan.Table.QualifiedName.ToString() };
            }
        }

        await session.QueryAsync($"DROP TABLE {stage}, {addedTable}", cancellationToken);
        if (plan.FilterReasons.Count > 0 && nextRow > plan.Rows)
        {
            plan.Notes.Add($"{nextRow - plan.Rows} candidate rows were set aside (rejected by its constraints, or past the count)");
        }

        return inserted;
    }

    private static string CopyStatement(string target, TablePlan plan) =>
        $"COPY {target} ({string.Join(", ", plan.Columns.Select(c => Quote.Identifier(c.Column.Name)))}) FROM STDIN";

    /// <summary>Rows <paramref name="firstRow"/> onwards as COPY text, in chunks of about <see cref="ChunkBytes"/>.</summary>
    private async IAsyncEnumerable<ReadOnlyMemory<byte>> Rows(
        TablePlan plan, Rng[] streams, long firstRow, long count, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = new ValueBuilder(ChunkBytes + 8192);
        var columns = plan.Columns.ToArray();
        var written = columns.Any(c => c.Template is not null) ? new RowValues(columns.Length) : null;
        var end = firstRow + count;
        for (var row = firstRow; row < end; row++)
        {
            WriteRow(columns, streams, row, buffer, written);
            if (buffer.Length >= ChunkBytes)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return buffer.WrittenMemory;
                buffer.Clear();
                observer?.RowsWritten(plan.Table.QualifiedName, row + 1 - firstRow);
            }
        }

        if (buffer.Length > 0)
        {
            yield return buffer.WrittenMemory;
        }

        observer?.RowsWritten(plan.Table.QualifiedName, count);
        await Task.CompletedTask;
    }

    /// <param name="written">Where each value went, for templates; null when the table has none.</param>
    internal static void WriteRow(ColumnPlan[] columns, Rng[] streams, long row, ValueBuilder buffer, RowValues? written)
    {
        for (var i = 0; i < columns.Length; i++)
        {
            if (i > 0)
            {
                buffer.Append((byte)'\t');
            }

            if (written is null)
            {
                WriteValue(columns[i], ref streams[i], row, buffer, null);
                continue;
            }

            written.Starts[i] = buffer.Length;
            written.Nulls[i] = !WriteValue(columns[i], ref streams[i], row, buffer, written);
            written.Ends[i] = buffer.Length;
        }

        buffer.Append((byte)'\n');
    }

    /// <summary>Writes one value as COPY text; false when it wrote NULL.</summary>
    private static bool WriteValue(ColumnPlan column, ref Rng stream, long row, ValueBuilder buffer, RowValues? written)
    {
        switch (column.Source)
        {
            case ColumnSource.Generated:
                var isNull = column.NullLeader is { } leader
                    ? leader.NullThisRow
                    : column.NullFraction > 0 && stream.Chance(column.NullFraction);
                column.NullThisRow = isNull;
                if (isNull)
                {
                    CopyText.AppendNull(buffer);
                    return false;
                }

                if (column.Template is { } template)
                {
                    // The columns it reads were written earlier in this row, already escaped.
                    template.Write(buffer, written!.Starts, written.Ends, written.Nulls);
                    return true;
                }

                var start = buffer.Length;
                column.Generator!.Write(row, ref stream, buffer);
                CopyText.EscapeFrom(buffer, start);
                return true;

            case ColumnSource.ForeignKey:
                var key = column.ForeignKey!;
                if (column.PicksKey)
                {
                    key.Current = Pick(key, column.NullFraction, row, ref stream);
                }

                if (key.Current < 0)
                {
                    CopyText.AppendNull(buffer);
                    return false;
                }

                CopyText.AppendEscaped(buffer, key.KeyBytes(key.Current, column.KeyPart));
                return true;

            default:
                CopyText.AppendNull(buffer);
                return false;
        }
    }

    /// <summary>
    /// The parent row for this row: its own one for a unique key, otherwise a skewed pick over the
    /// shuffled parents (a few parents get many rows, most get a few), NULL now and then when allowed.
    /// </summary>
    private static int Pick(ForeignKeyPlan key, double nullFraction, long row, ref Rng rng)
    {
        var count = key.Keys.Count;
        if (count == 0 || (nullFraction > 0 && rng.Chance(nullFraction)))
        {
            return -1;
        }

        if (key.Unique)
        {
            return (int)(row % count);
        }

        return Math.Min(count - 1, (int)(count * Math.Pow(rng.NextDouble(), ForeignKeySkew)));
    }
}
