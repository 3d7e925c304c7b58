using GenDb.Commands.Execution;
using GenDb.Commands.Routing;
using GenDb.Protocol;
using GenDb.Schema;
using GenDb.Schema.Synthetic;
using GenDb.Sql;

namespace GenDb.Commands.Synthetic;

/// <summary>
/// Keeping synthetic copies in line with the real schema (<c>gendb.sync</c>) and removing them
/// (<c>gendb.drop_scenario</c>). Only <c>gendb_*</c> schemas are ever written.
/// </summary>
public static class SyntheticCommands
{
    private const string ObjectInUse = "55006";

    public static IReadOnlyList<ResultColumn> Columns { get; } =
    [
        new("schema", ResultType.Text),
        new("table_name", ResultType.Text),
        new("synthetic_table", ResultType.Text),
        new("action", ResultType.Text),
        new("note", ResultType.Text),
    ];

    public static async Task<CommandResult> SyncAsync(
        ISqlSession session, string? include, string? exclude, string scenario, bool force, CancellationToken cancellationToken)
    {
        if (SyntheticNaming.ValidateScenario(scenario) is { } invalid)
        {
            throw new GendbCommandException(invalid);
        }

        var model = await SchemaIntrospector.ReadAsync(session, cancellationToken);
        var searchPath = await SearchPathAsync(session, cancellationToken);
        var selected = Select(model, searchPath, include, exclude, scenario);
        var existing = await ExistingCopiesAsync(session, scenario, cancellationToken);
        var real = await SignaturesAsync(session, selected.Select(t => t.QualifiedName), cancellationToken);

        // A copy is current when its columns, constraints and unique indexes read the same as its source's.
        var changed = new HashSet<QualifiedName>();
        var missing = new HashSet<QualifiedName>();
        foreach (var table in selected)
        {
            var target = SyntheticCopyBuilder.Target(table.QualifiedName, scenario);
            if (!existing.TryGetValue(target, out var signature))
            {
                missing.Add(table.QualifiedName);
            }
            else if (signature != real.GetValueOrDefault(table.QualifiedName))
            {
                changed.Add(table.QualifiedName);
            }
        }

        // Recreating a table drops the foreign keys of the copies that reference it: they are recreated too.
        var graph = DependencyGraph.Build(model);
        var grew = true;
        while (grew)
        {
            grew = false;
            foreach (var edge in graph.Edges)
            {
                if (changed.Contains(edge.To) && existing.ContainsKey(SyntheticCopyBuilder.Target(edge.From, scenario)) && changed.Add(edge.From))
                {
                    grew = true;
                }
            }
        }

        var gone = include is null && exclude is null
            ? existing.Keys.Where(t => SyntheticNaming.TryParseSchema(t.Schema, out _, out var source) && model.FindTable(source, t.Name) is null).ToList()
            : [];

        if (missing.Count + changed.Count > 0)
        {
            await RequireCreatePrivilegeAsync(session, cancellationToken);
        }

        var rows = new List<object?[]>();
        foreach (var target in changed.Select(t => SyntheticCopyBuilder.Target(t, scenario)).Concat(gone))
        {
            await RefuseIfRoutedElsewhereAsync(session, target, force, cancellationToken);
        }

        var routedHere = await RoutedInThisSessionAsync(session, cancellationToken);
        foreach (var target in gone)
        {
            await session.QueryAsync($"DROP TABLE IF EXISTS {target.Sql} CASCADE", cancellationToken);
            SyntheticNaming.TryParseSchema(target.Schema, out _, out var source);
            rows.Add([source, target.Name, $"{target.Schema}.{target.Name}", "dropped", "its real table no longer exists"]);
        }

        foreach (var table in changed)
        {
            await session.QueryAsync($"DROP TABLE IF EXISTS {SyntheticCopyBuilder.Target(table, scenario).Sql} CASCADE", cancellationToken);
        }

        var build = missing.Concat(changed).ToList();
        foreach (var statement in SyntheticCopyBuilder.Build(model, build, scenario))
        {
            await session.QueryAsync(statement, cancellationToken);
        }

        foreach (var table in selected.OrderBy(t => graph.IndexOf(t.QualifiedName)))
        {
            var target = SyntheticCopyBuilder.Target(table.QualifiedName, scenario);
            var action = missing.Contains(table.QualifiedName) ? "created" : changed.Contains(table.QualifiedName) ? "recreated" : "up to date";
            var note = changed.Contains(table.QualifiedName) && existing.TryGetValue(target, out var old) && old == real.GetValueOrDefault(table.QualifiedName)
                ? "recreated with the table it references"
                : null;
            rows.Add([table.Schema, table.Name, $"{target.Schema}.{target.Name}", action, note]);
        }

        // This session's routing follows the new copies: the temp views went with the old tables.
        var reroute = routedHere.Where(r => changed.Contains(r)).ToList();
        if (reroute.Count > 0)
        {
            await RoutingCommands.ReturnGeneratedAsync(session, string.Join(',', reroute.Select(r => $"{r.Schema}.{r.Name}")), null, scenario, cancellationToken);
        }

        return new CommandResult(Columns, rows);
    }

    public static async Task<CommandResult> DropScenarioAsync(
        ISqlSession session, string scenario, string? schema, bool force, CancellationToken cancellationToken)
    {
        if (SyntheticNaming.ValidateScenario(scenario) is { } invalid)
        {
            throw new GendbCommandException(invalid);
        }

        var existing = await ExistingCopiesAsync(session, scenario, cancellationToken);
        var schemas = (await session.QueryAsync(
                $"SELECT nspname FROM pg_namespace WHERE starts_with(nspname, {Quote.Literal(SyntheticNaming.SchemaPrefix(scenario))}) ORDER BY 1",
                cancellationToken))
            .Rows.Select(r => r[0]!)
            .Where(s => schema is null || s == SyntheticNaming.SchemaPrefix(scenario) + schema)
            .ToList();
        if (schemas.Count == 0)
        {
            throw new GendbCommandException(PostgresError.CreateError(SqlState.InvalidParameterValue,
                schema is null ? $"scenario \"{scenario}\" has no synthetic schemas" : $"scenario \"{scenario}\" has no copy of schema \"{schema}\"",
                "CALL gendb.status() lists the synthetic tables there are."));
        }

        foreach (var table in existing.Keys.Where(t => schemas.Contains(t.Schema)))
        {
            await RefuseIfRoutedElsewhereAsync(session, table, force, cancellationToken);
        }

        var rows = new List<object?[]>();
        foreach (var name in schemas)
        {
            await session.QueryAsync($"DROP SCHEMA {Quote.Identifier(name)} CASCADE", cancellationToken);
            SyntheticNaming.TryParseSchema(name, out _, out var source);
            rows.Add([source, null, name, "dropped", null]);
        }

        return new CommandResult(Columns, rows);
    }

    public static IReadOnlyList<ResultColumn> DescribeColumns { get; } =
    [
        new("item", ResultType.Text),
        new("name", ResultType.Text),
        new("detail", ResultType.Text),
    ];

    /// <summary>
    /// Empties synthetic copies with one TRUNCATE … CASCADE (foreign keys of copies point only at
    /// copies, so the cascade never leaves the gendb_* schemas) and restarts every sequence their
    /// defaults draw from.
    /// </summary>
    public static async Task<CommandResult> ResetAsync(
        ISqlSession session, string? include, string? exclude, string scenario, CancellationToken cancellationToken)
    {
        if (SyntheticNaming.ValidateScenario(scenario) is { } invalid)
        {
            throw new GendbCommandException(invalid);
        }

        var existing = await ExistingCopiesAsync(session, scenario, cancellationToken);
        var searchPath = (await session.QueryAsync("SELECT unnest(current_schemas(false))", cancellationToken)).Rows.Select(r => r[0]!).ToList();
        var includePatterns = TablePatterns.Parse(include);
        var excludePatterns = TablePatterns.Parse(exclude);
        var sources = existing.Keys
            .Select(t => SyntheticNaming.TryParseSchema(t.Schema, out _, out var source) ? (Target: t, Candidate: new TableCandidate(source, t.Name, false)) : default)
            .Where(t => t.Candidate is not null)
            .Select(t => (t.Target, Candidate: t.Candidate with { IsOnSearchPath = searchPath.Contains(t.Candidate.Schema) }))
            .ToList();
        foreach (var pattern in includePatterns.Patterns)
        {
            if (!sources.Any(s => pattern.Matches(s.Candidate)))
            {
                throw new GendbCommandException(PostgresError.CreateError(SqlState.UndefinedTable,
                    $"no table with a synthetic copy in scenario \"{scenario}\" matches \"{pattern.Text}\"",
                    "CALL gendb.status() lists the synthetic tables; CALL gendb.sync(include => '…') makes missing ones."));
            }
        }

        var targets = sources
            .Where(s => (includePatterns.IsEmpty || includePatterns.Matches(s.Candidate)) && !excludePatterns.Matches(s.Candidate))
            .Select(s => s.Target)
            .ToList();
        var rows = new List<object?[]>();
        if (targets.Count == 0)
        {
            return new CommandResult(Columns, rows);
        }

        var list = string.Join(", ", targets.Select(t => t.Sql));
        var cascaded = await session.QueryAsync(
            $"""
            WITH RECURSIVE refs(oid) AS (
              SELECT unnest(ARRAY[{string.Join(", ", targets.Select(t => Quote.Literal(t.Sql) + "::regclass::oid"))}])
              UNION
              SELECT c.conrelid FROM pg_constraint c JOIN refs ON c.confrelid = refs.oid WHERE c.contype = 'f'
            )
            SELECT n.nspname, c.relname,
                   (SELECT string_agg(DISTINCT s.oid::regclass::text, ',') FROM pg_depend d JOIN pg_class s ON s.oid = d.refobjid AND s.relkind = 'S'
                      JOIN pg_attrdef ad ON ad.oid = d.objid WHERE d.classid = 'pg_attrdef'::regclass AND ad.adrelid = c.oid)
            FROM refs JOIN pg_class c ON c.oid = refs.oid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname LIKE 'gendb\_%' ORDER BY 1, 2
            """,
            cancellationToken);
        await session.QueryAsync($"TRUNCATE {list} RESTART IDENTITY CASCADE", cancellationToken);
        foreach (var row in cascaded.Rows)
        {
            foreach (var sequence in (row[2] ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                await session.QueryAsync($"ALTER SEQUENCE {sequence} RESTART", cancellationToken);
            }

            SyntheticNaming.TryParseSchema(row[0]!, out _, out var source);
            var asked = targets.Contains(new QualifiedName(row[0]!, row[1]!));
            rows.Add([source, row[1], $"{row[0]}.{row[1]}", "emptied", asked ? null : "emptied with a table it references"]);
        }

        return new CommandResult(Columns, rows);
    }

    /// <summary>The model of one table as GenDB sees it, one row per fact.</summary>
    public static async Task<CommandResult> DescribeAsync(ISqlSession session, string table, string scenario, CancellationToken cancellationToken)
    {
        var model = await SchemaIntrospector.ReadAsync(session, cancellationToken);
        var searchPath = (await session.QueryAsync("SELECT unnest(current_schemas(false))", cancellationToken)).Rows.Select(r => r[0]!).ToList();
        // parse_ident splits and unquotes as PostgreSQL does ("Sales Dept"."Sales Rep", public.users, Users).
        var parts = await session.QueryAsync($"SELECT unnest(parse_ident({Quote.Literal(table)}, false))", cancellationToken);
        var names = parts.Rows.Select(r => r[0]!).ToList();
        var found = names.Count switch
        {
            1 => searchPath.Select(s => model.FindTable(s, names[0])).FirstOrDefault(t => t is not null),
            2 => model.FindTable(names[0], names[1]),
            _ => null,
        };
        if (found is null)
        {
            throw new GendbCommandException(PostgresError.CreateError(SqlState.UndefinedTable,
                $"table \"{table}\" does not exist or cannot be read",
                "Name it as it resolves through search_path, or schema-qualified (sales.orders)."));
        }

        var graph = DependencyGraph.Build(model);
        var target = SyntheticCopyBuilder.Target(found.QualifiedName, scenario);
        var rows = new List<object?[]>
        {
            new object?[] { "table", $"{found.Schema}.{found.Name}", $"{found.Kind}".ToLowerInvariant() + (found.PartitionKey is null ? string.Empty : $" by {found.PartitionKey}") },
            new object?[] { "synthetic copy", $"{target.Schema}.{target.Name}", null },
            new object?[] { "generation order", (graph.IndexOf(found.QualifiedName) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), $"of {graph.Order.Count}" },
        };
        foreach (var column in found.Columns.OrderBy(c => c.Position))
        {
            var detail = new List<string> { column.TypeSql };
            if (column.NotNull)
            {
                detail.Add("not null");
            }

            if (column.Identity != IdentityKind.None)
            {
                detail.Add(column.Identity == IdentityKind.Always ? "identity always" : "identity by default");
            }

            if (column.GeneratedExpression is not null)
            {
                detail.Add($"generated as ({column.GeneratedExpression})");
            }
            else if (column.Default is not null)
            {
                detail.Add($"default {column.Default}");
            }

            rows.Add(["column", column.Name, string.Join(", ", detail)]);
        }

        foreach (var constraint in found.Constraints)
        {
            rows.Add([constraint.Kind switch
            {
                ConstraintKind.PrimaryKey => "primary key",
                ConstraintKind.ForeignKey => "foreign key",
                _ => constraint.Kind.ToString().ToLowerInvariant(),
            }, constraint.Name, constraint.Definition]);
        }

        foreach (var index in found.Indexes.Where(i => i.IsUnique && !i.BacksConstraint))
        {
            rows.Add(["unique index", index.Name, index.Definition]);
        }

        foreach (var edge in graph.Edges.Where(e => e.To == found.QualifiedName && e.From != found.QualifiedName))
        {
            rows.Add(["referenced by", $"{edge.From.Schema}.{edge.From.Name}", edge.Constraint]);
        }

        if (graph.CycleOf(found.QualifiedName) is { } cycle)
        {
            rows.Add(["cycle", string.Join(" -> ", cycle.Tables.Select(t => $"{t.Schema}.{t.Name}")), cycle.IsBreakable ? "breakable through a nullable or deferrable foreign key" : "unbreakable: every foreign key in it is NOT NULL and not deferrable"]);
        }

        return new CommandResult(DescribeColumns, rows);
    }

    /// <summary>
    /// The comparison key of a table's shape, read the same way for a real table and its copy:
    /// columns, constraints (foreign keys without the schema of the table they reference) and
    /// unique indexes (without the table they are on).
    /// </summary>
    private const string SignatureSql = """
        (SELECT string_agg(format('%s %s %s', a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull), '; ' ORDER BY a.attnum)
           FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped)
        || ' | ' || coalesce((SELECT string_agg(format('%s %s %s', k.contype, k.conname,
                   regexp_replace(pg_get_constraintdef(k.oid), 'REFERENCES [^(]*\.', 'REFERENCES ')), '; ' ORDER BY k.conname)
           FROM pg_constraint k WHERE k.conrelid = c.oid), '')
        || ' | ' || coalesce((SELECT string_agg(regexp_replace(pg_get_indexdef(i.indexrelid), ' ON .* USING ', ' USING '), '; '
                   ORDER BY regexp_replace(pg_get_indexdef(i.indexrelid), ' ON .* USING ', ' USING '))
           FROM pg_index i WHERE i.indrelid = c.oid AND i.indisunique), '')
        """;

    private static async Task<Dictionary<QualifiedName, string>> SignaturesAsync(ISqlSession session, IEnumerable<QualifiedName> tables, CancellationToken cancellationToken)
    {
        var list = tables.ToList();
        if (list.Count == 0)
        {
            return [];
        }

        var result = await session.QueryAsync(
            $"""
            SELECT n.nspname, c.relname, {SignatureSql}
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.oid = ANY(ARRAY[{string.Join(", ", list.Select(t => Quote.Literal(t.Sql) + "::regclass::oid"))}])
            """,
            cancellationToken);
        return result.Rows.ToDictionary(r => new QualifiedName(r[0]!, r[1]!), r => r[2] ?? string.Empty);
    }

    private static async Task<Dictionary<QualifiedName, string>> ExistingCopiesAsync(ISqlSession session, string scenario, CancellationToken cancellationToken)
    {
        var result = await session.QueryAsync(
            $"""
            SELECT n.nspname, c.relname, {SignatureSql}
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE starts_with(n.nspname, {Quote.Literal(SyntheticNaming.SchemaPrefix(scenario))}) AND c.relkind IN ('r', 'p')
            """,
            cancellationToken);
        return result.Rows.ToDictionary(r => new QualifiedName(r[0]!, r[1]!), r => r[2] ?? string.Empty);
    }

    /// <summary>The tables (partition roots) the patterns match; a pattern matching nothing is an error.</summary>
    internal static HashSet<QualifiedName> Match(DatabaseModel model, List<string> searchPath, string? include, string? exclude)
    {
        var includePatterns = TablePatterns.Parse(include);
        var excludePatterns = TablePatterns.Parse(exclude);
        TableCandidate Candidate(TableModel t) => new(t.Schema, t.Name,
            searchPath.FirstOrDefault(s => model.FindTable(s, t.Name) is not null) == t.Schema);

        var roots = model.Tables.Where(t => !t.IsPartition).ToList();
        foreach (var pattern in includePatterns.Patterns)
        {
            if (!roots.Any(t => pattern.Matches(Candidate(t))))
            {
                throw new GendbCommandException(PostgresError.CreateError(SqlState.UndefinedTable,
                    $"no table matches \"{pattern.Text}\"",
                    "Name tables as they resolve through search_path (users), or schema-qualified (sales.orders, public.*)."));
            }
        }

        return roots
            .Where(t => (includePatterns.IsEmpty || includePatterns.Matches(Candidate(t))) && !excludePatterns.Matches(Candidate(t)))
            .Select(t => t.QualifiedName)
            .ToHashSet();
    }

    internal static async Task<List<string>> SearchPathAsync(ISqlSession session, CancellationToken cancellationToken) =>
        (await session.QueryAsync("SELECT unnest(current_schemas(false))", cancellationToken)).Rows.Select(r => r[0]!).ToList();

    private static List<TableModel> Select(DatabaseModel model, List<string> searchPath, string? include, string? exclude, string scenario)
    {
        var chosen = Match(model, searchPath, include, exclude);

        // Foreign keys need their referenced tables copied too, and partitioned tables their partitions.
        var queue = new Queue<QualifiedName>(chosen);
        while (queue.TryDequeue(out var name))
        {
            var table = model.FindTable(name)!;
            foreach (var referenced in table.ForeignKeys.Select(fk => fk.Referenced!).Concat(model.Tables.Where(t => t.Parent == name).Select(t => t.QualifiedName)))
            {
                if (model.FindTable(referenced) is not null && chosen.Add(referenced))
                {
                    queue.Enqueue(referenced);
                }
            }
        }

        foreach (var table in chosen)
        {
            SyntheticNaming.SchemaFor(scenario, table.Schema);
        }

        return model.Tables.Where(t => chosen.Contains(t.QualifiedName)).ToList();
    }

    private static async Task RequireCreatePrivilegeAsync(ISqlSession session, CancellationToken cancellationToken)
    {
        var result = await session.QueryAsync("SELECT has_database_privilege(current_database(), 'CREATE'), current_database(), current_user", cancellationToken);
        if (result.Rows[0][0] != "t")
        {
            throw new GendbCommandException(PostgresError.CreateError(SqlState.InsufficientPrivilege,
                $"permission denied to create synthetic schemas in database {result.Rows[0][1]}",
                $"GenDB writes only to schemas named gendb_*, which it creates: GRANT CREATE ON DATABASE {Quote.Identifier(result.Rows[0][1]!)} TO {Quote.Identifier(result.Rows[0][2]!)};"));
        }
    }

    /// <summary>Another session's temp view reads this table: dropping it would switch that session silently.</summary>
    private static async Task RefuseIfRoutedElsewhereAsync(ISqlSession session, QualifiedName table, bool force, CancellationToken cancellationToken)
    {
        if (force)
        {
            return;
        }

        var result = await session.QueryAsync(
            $"""
            SELECT count(DISTINCT v.relnamespace) FROM pg_depend d
            JOIN pg_rewrite r ON r.oid = d.objid AND d.classid = 'pg_rewrite'::regclass
            JOIN pg_class v ON v.oid = r.ev_class JOIN pg_namespace vn ON vn.oid = v.relnamespace
            WHERE d.refobjid = {Quote.Literal(table.Sql)}::regclass AND vn.nspname LIKE 'pg\_temp\_%'
              AND v.relnamespace IS DISTINCT FROM pg_my_temp_schema()
            """,
            cancellationToken);
        if (result.Rows[0][0] != "0")
        {
            throw new GendbCommandException(PostgresError.CreateError(ObjectInUse,
                $"synthetic table {table.Schema}.{table.Name} is routed to by {result.Rows[0][0]} other session(s)",
                "Those sessions would switch to other data without knowing. Have them CALL gendb.return_actual() first, or pass force => true."));
        }
    }

    private static async Task<List<QualifiedName>> RoutedInThisSessionAsync(ISqlSession session, CancellationToken cancellationToken)
    {
        var result = await session.QueryAsync(
            """
            SELECT DISTINCT sn.nspname, v.relname FROM pg_class v
            JOIN pg_rewrite r ON r.ev_class = v.oid
            JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid AND d.refclassid = 'pg_class'::regclass
            JOIN pg_class st ON st.oid = d.refobjid AND st.relname = v.relname
            JOIN pg_namespace sn ON sn.oid = st.relnamespace
            WHERE v.relnamespace = pg_my_temp_schema() AND sn.nspname LIKE 'gendb\_%\_\_%'
            """,
            cancellationToken);
        var routed = new List<QualifiedName>();
        foreach (var row in result.Rows)
        {
            if (SyntheticNaming.TryParseSchema(row[0]!, out _, out var source))
            {
                routed.Add(new QualifiedName(source, row[1]!));
            }
        }

        return routed;
    }
}
