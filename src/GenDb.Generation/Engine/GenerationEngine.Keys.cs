using System.Globalization;
using System.Text;
using GenDb.Generation.Randomness;
using GenDb.Schema;
using GenDb.Schema.Synthetic;
using GenDb.Sql;

namespace GenDb.Generation.Engine;

public sealed partial class GenerationEngine
{
    /// <summary>
    /// The key values of the referenced synthetic rows, in an order that does not depend on the
    /// machine (text order under the C collation), then shuffled with the key's own stream.
    /// </summary>
    private async Task<IReadOnlyList<byte[][]>> ParentKeysAsync(TablePlan plan, ForeignKeyPlan key, CancellationToken cancellationToken)
    {
        var referenced = SyntheticCopyBuilder.Target(key.Constraint.Referenced!, options.Scenario);
        var columns = key.Constraint.ReferencedColumns.Select(Quote.Identifier).ToList();
        var result = await session.QueryAsync(
            $"""
            SELECT {string.Join(", ", columns.Select(c => c + "::text"))} FROM {referenced.Sql}
            WHERE {string.Join(" AND ", columns.Select(c => c + " IS NOT NULL"))}
            ORDER BY ROW({string.Join(", ", columns)})::text COLLATE "C"
            """,
            cancellationToken);
        var keys = result.Rows.Select(r => r.Select(v => Encoding.UTF8.GetBytes(v!)).ToArray()).ToArray();
        var rng = new Rng(StableSeed.Derive(options.Seed, plan.Table.Schema, plan.Table.Name, "foreign key " + key.Constraint.Name));
        Shuffle(keys, ref rng);
        return keys;
    }

    private static void Shuffle<T>(T[] items, ref Rng rng)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = (int)rng.NextBelow((ulong)i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>
    /// A key loaded NULL (a cycle, a self-reference) gets its values now that every row exists:
    /// the rows are listed in a stable order, each is given a parent row, and one UPDATE joins the
    /// assignments in. A self-reference builds trees: a row's parent is an earlier row; the first
    /// row, and a few more when the key is nullable, are roots.
    /// </summary>
    private async Task FillDeferredKeyAsync(TablePlan plan, ForeignKeyPlan key, CancellationToken cancellationToken)
    {
        var self = key.Parent == plan.Table.QualifiedName;
        var referencedColumns = key.Constraint.ReferencedColumns.Select(Quote.Identifier).ToList();
        var rows = await session.QueryAsync(
            $"""
            SELECT tableoid::regclass::text, ctid::text{(self ? ", " + string.Join(", ", referencedColumns.Select(c => c + "::text")) : string.Empty)}
            FROM {plan.Synthetic.Sql} ORDER BY tableoid::regclass::text COLLATE "C", ctid
            """,
            cancellationToken);
        if (rows.Rows.Count == 0)
        {
            return;
        }

        var rng = new Rng(StableSeed.Derive(options.Seed, plan.Table.Schema, plan.Table.Name, "deferred key " + key.Constraint.Name));
        var assignments = new string?[]?[rows.Rows.Count];
        if (self)
        {
            var candidates = new List<int>();
            for (var i = 0; i < rows.Rows.Count; i++)
            {
                var ownKey = rows.Rows[i][2..];
                var root = key.Nullable && (candidates.Count == 0 || rng.Chance(0.05));
                if (!root)
                {
                    // The first row of a NOT NULL self-reference points at itself.
                    var parent = candidates.Count == 0 ? -1 : candidates[(int)rng.NextBelow((ulong)candidates.Count)];
                    assignments[i] = parent < 0 ? ownKey : rows.Rows[parent][2..];
                }

                if (ownKey.All(v => v is not null))
                {
                    candidates.Add(i);
                }
            }
        }
        else
        {
            var parents = await ParentKeysAsync(plan, key, cancellationToken);
            if (parents.Count == 0)
            {
                if (!key.Nullable)
                {
                    throw new GenerationException("23503",
                        $"cannot fill {plan.Table.QualifiedName}: foreign key {key.Constraint.Name} needs rows in {key.Parent}, and none were generated",
                        $"Ask for rows in {key.Parent} too.") { Table = plan.Table.QualifiedName.ToString(), Constraint = key.Constraint.Name };
                }

                return;
            }

            if (key.Unique && parents.Count < rows.Rows.Count && !key.Nullable)
            {
                throw new GenerationException("23505",
                    $"cannot fill {plan.Table.QualifiedName}: each row needs its own row of {key.Parent} (the key of {key.Constraint.Name} is unique), and there are {parents.Count} for {rows.Rows.Count} rows",
                    $"Generate at least {rows.Rows.Count} rows in {key.Parent}.") { Table = plan.Table.QualifiedName.ToString(), Constraint = key.Constraint.Name };
            }

            for (var i = 0; i < rows.Rows.Count; i++)
            {
                var index = key.Unique
                    ? (i < parents.Count ? i : -1)
                    : Math.Min(parents.Count - 1, (int)(parents.Count * Math.Pow(rng.NextDouble(), ForeignKeySkew)));
                assignments[i] = index < 0 ? null : [.. parents[index].Select(b => (string?)Encoding.UTF8.GetString(b))];
            }
        }

        var fix = NextTemporaryName("keys");
        var valueColumns = Enumerable.Range(0, key.Constraint.Columns.Count).Select(i => $"v{i}").ToList();
        await session.QueryAsync(
            $"CREATE TEMP TABLE {fix["pg_temp.".Length..]} (rel text, tid tid, {string.Join(", ", valueColumns.Select(v => v + " text"))})",
            cancellationToken);
        await session.CopyInAsync($"COPY {fix} FROM STDIN", AssignmentRows(rows.Rows, assignments), cancellationToken);
        var set = string.Join(", ", key.Constraint.Columns.Select((c, i) =>
            $"{Quote.Identifier(c)} = m.v{i}::{plan.Table.Column(c).TypeSql}"));
        await session.QueryAsync(
            $"UPDATE {plan.Synthetic.Sql} AS t SET {set} FROM {fix} AS m WHERE t.tableoid = m.rel::regclass AND t.ctid = m.tid",
            cancellationToken);
        await session.QueryAsync($"DROP TABLE {fix}", cancellationToken);
    }

    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> AssignmentRows(IReadOnlyList<string?[]> rows, string?[]?[] assignments)
    {
        var buffer = new Values.ValueBuilder(ChunkBytes + 4096);
        for (var i = 0; i < rows.Count; i++)
        {
            if (assignments[i] is not { } values)
            {
                continue;
            }

            CopyText.AppendEscaped(buffer, Encoding.UTF8.GetBytes(rows[i][0]!));
            buffer.Append((byte)'\t');
            buffer.Append(rows[i][1]);
            foreach (var value in values)
            {
                buffer.Append((byte)'\t');
                if (value is null)
                {
                    CopyText.AppendNull(buffer);
                }
                else
                {
                    CopyText.AppendEscaped(buffer, Encoding.UTF8.GetBytes(value));
                }
            }

            buffer.Append((byte)'\n');
            if (buffer.Length >= ChunkBytes)
            {
                yield return buffer.WrittenMemory;
                buffer.Clear();
            }
        }

        if (buffer.Length > 0)
        {
            yield return buffer.WrittenMemory;
        }

        await Task.CompletedTask;
    }

    /// <summary>
    /// Drops every foreign key of, or pointing at, a table of the run (the synthetic copies only),
    /// returning what re-creates them. Rows then load without a per-row check, truncation needs no
    /// cascade, and cycles load in any order; putting a key back validates all rows in one query.
    /// </summary>
    private async Task<List<(string Table, string Name, string Definition)>> DropForeignKeysAsync(
        IEnumerable<TablePlan> plans, CancellationToken cancellationToken)
    {
        var tables = string.Join(", ", plans.Select(p => Quote.Literal(p.Synthetic.Sql) + "::regclass"));
        var result = await session.QueryAsync(
            $"""
            WITH run AS (
                SELECT c.oid FROM pg_class c WHERE c.oid IN ({tables})
                UNION SELECT i.inhrelid FROM pg_inherits i WHERE i.inhparent IN ({tables}))
            SELECT format('%I.%I', n.nspname, c.relname), k.conname, pg_get_constraintdef(k.oid)
            FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE k.contype = 'f' AND k.conparentid = 0
              AND (k.conrelid IN (SELECT oid FROM run) OR k.confrelid IN (SELECT oid FROM run))
            ORDER BY 1, 2
            """,
            cancellationToken);
        var keys = result.Rows.Select(r => (Table: r[0]!, Name: r[1]!, Definition: r[2]!)).ToList();
        foreach (var (table, name, _) in keys)
        {
            if (!IsSyntheticRelation(table))
            {
                throw new GenerationException("42501", $"refusing to change foreign key {name} of {table}: it is not a synthetic table",
                    "GenDB writes only to gendb_* schemas. A real table references a synthetic one; drop that foreign key.");
            }

            await session.QueryAsync($"ALTER TABLE {table} DROP CONSTRAINT {Quote.Identifier(name)}", cancellationToken);
        }

        return keys;
    }

    private async Task RestoreForeignKeysAsync(List<(string Table, string Name, string Definition)> keys, CancellationToken cancellationToken)
    {
        foreach (var (table, name, definition) in keys)
        {
            try
            {
                await session.QueryAsync($"ALTER TABLE {table} ADD CONSTRAINT {Quote.Identifier(name)} {definition}", cancellationToken);
            }
            catch (SqlErrorException ex)
            {
                throw new GenerationException(ex.Error.SqlState, $"foreign key {name} of {table} does not hold after generation: {ex.Error.Message}",
                    "This is a GenDB bug; please report it with the schema.", ex) { Table = table, Constraint = name };
            }
        }
    }

    /// <summary>A qualified name (from format('%I.%I')) in a synthetic schema: its schema starts with gendb_, quoted or not.</summary>
    private bool IsSyntheticRelation(string regclass) =>
        regclass.StartsWith(SyntheticNaming.Prefix, StringComparison.Ordinal) ||
        regclass.StartsWith("\"" + SyntheticNaming.Prefix, StringComparison.Ordinal);

    private const string SequencesSql = """
        SELECT a.attname, format('%I.%I', sn.nspname, s.relname), format_type(a.atttypid, NULL)
        FROM pg_attrdef ad
        JOIN pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum
        JOIN pg_depend d ON d.classid = 'pg_attrdef'::regclass AND d.objid = ad.oid AND d.refclassid = 'pg_class'::regclass
        JOIN pg_class s ON s.oid = d.refobjid AND s.relkind = 'S'
        JOIN pg_namespace sn ON sn.oid = s.relnamespace
        WHERE ad.adrelid = {0}::regclass
        UNION
        SELECT a.attname, pg_get_serial_sequence({0}, a.attname), format_type(a.atttypid, NULL)
        FROM pg_attribute a WHERE a.attrelid = {0}::regclass AND a.attidentity <> ''
        """;

    private async Task<List<(string Column, string Sequence, string Type)>> SequencesOfAsync(TablePlan plan, CancellationToken cancellationToken)
    {
        var result = await session.QueryAsync(string.Format(CultureInfo.InvariantCulture, SequencesSql, Quote.Literal(plan.Synthetic.Sql)), cancellationToken);
        return [.. result.Rows.Where(r => r[1] is not null).Select(r => (r[0]!, r[1]!, r[2]!))];
    }

    /// <summary>In replace mode, sequences the tables draw from start again, so ids are the same every run.</summary>
    private async Task RestartSequencesAsync(IEnumerable<TablePlan> plans, CancellationToken cancellationToken)
    {
        foreach (var plan in plans)
        {
            foreach (var (_, sequence, _) in await SequencesOfAsync(plan, cancellationToken))
            {
                if (IsSyntheticRelation(sequence))
                {
                    await session.QueryAsync($"ALTER SEQUENCE {sequence} RESTART", cancellationToken);
                }
            }
        }
    }

    /// <summary>Every sequence a filled table draws from moves past the largest value in it.</summary>
    private async Task AdvanceSequencesAsync(IEnumerable<TablePlan> plans, CancellationToken cancellationToken)
    {
        foreach (var plan in plans)
        {
            foreach (var (column, sequence, type) in await SequencesOfAsync(plan, cancellationToken))
            {
                if (!IsSyntheticRelation(sequence) || type is not ("smallint" or "integer" or "bigint"))
                {
                    continue;
                }

                await session.QueryAsync(
                    $"""
                    SELECT setval({Quote.Literal(sequence)}, m) FROM (SELECT max({Quote.Identifier(column)}) AS m FROM {plan.Synthetic.Sql}) AS x, {sequence} AS s
                    WHERE m IS NOT NULL AND (m > s.last_value OR (m = s.last_value AND NOT s.is_called))
                    """,
                    cancellationToken);
            }
        }
    }
}
