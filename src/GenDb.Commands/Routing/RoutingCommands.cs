using System.Globalization;
using GenDb.Commands.Execution;
using GenDb.Protocol;
using GenDb.Sql;
using GenDb.Schema.Synthetic;

namespace GenDb.Commands.Routing;

/// <summary>
/// Routes this session's queries on a table to its synthetic copy with a temp view of the same
/// name (temp objects come first in name resolution), and back again. See docs/routing.md.
/// </summary>
public static class RoutingCommands
{
    public static IReadOnlyList<ResultColumn> RouteColumns { get; } =
    [
        new("schema", ResultType.Text),
        new("name", ResultType.Text),
        new("kind", ResultType.Text),
        new("reads_from", ResultType.Text),
        new("note", ResultType.Text),
    ];

    public static IReadOnlyList<ResultColumn> StatusColumns { get; } =
    [
        new("source_schema", ResultType.Text),
        new("table_name", ResultType.Text),
        new("scenario", ResultType.Text),
        new("synthetic_rows", ResultType.Bigint),
        new("routed_in_session", ResultType.Boolean),
        new("routed_by_proxy", ResultType.Boolean),
    ];

    private sealed record SyntheticTable(string SyntheticSchema, string SourceSchema, string Name, bool OnSearchPath, bool CanReadSynthetic, bool? CanReadReal)
    {
        public TableCandidate Candidate => new(SourceSchema, Name, OnSearchPath);
    }

    public static async Task<CommandResult> ReturnGeneratedAsync(
        ISqlSession session, string? include, string? exclude, string scenario, CancellationToken cancellationToken)
    {
        if (SyntheticNaming.ValidateScenario(scenario) is { } invalid)
        {
            throw new GendbCommandException(invalid);
        }

        var tables = await ListSyntheticTablesAsync(session, scenario, cancellationToken);
        var selected = Select(tables, include, exclude, scenario);

        foreach (var table in selected)
        {
            if (!table.CanReadSynthetic || table.CanReadReal == false)
            {
                var which = table.CanReadSynthetic ? $"{table.SourceSchema}.{table.Name}" : $"{table.SyntheticSchema}.{table.Name}";
                throw new GendbCommandException(PostgresError.CreateError(SqlState.InsufficientPrivilege,
                    $"permission denied for table {which}",
                    $"Routing needs SELECT on both the real table and its synthetic copy: GRANT SELECT ON {which} TO the role you connect as."));
            }
        }

        // Definitions of the real views over these tables are read before any temp view shadows a
        // name, with pg_temp searched last, so that pg_get_viewdef writes names unqualified.
        var views = await ListDependentViewsAsync(session, selected.Select(t => Quote.Qualified(t.SourceSchema, t.Name)), cancellationToken);

        var rows = new List<object?[]>();
        foreach (var table in selected)
        {
            await session.QueryAsync(
                $"CREATE OR REPLACE TEMP VIEW {Quote.Identifier(table.Name)} AS SELECT * FROM {Quote.Qualified(table.SyntheticSchema, table.Name)}",
                cancellationToken);
            rows.Add([table.SourceSchema, table.Name, "table", $"{table.SyntheticSchema}.{table.Name}", null]);
        }

        foreach (var view in views)
        {
            if (view.Kind == "m")
            {
                rows.Add([view.Schema, view.Name, "materialized view", $"{view.Schema}.{view.Name}", "materialized views are not routed: they keep the rows stored when they were last refreshed"]);
            }
            else if (!view.OnSearchPath)
            {
                rows.Add([view.Schema, view.Name, "view", $"{view.Schema}.{view.Name}", "not routed: its schema is not on the search_path, so a temp view cannot shadow it"]);
            }
            else
            {
                await session.QueryAsync(
                    $"CREATE OR REPLACE TEMP VIEW {Quote.Identifier(view.Name)} AS {view.Definition!.TrimEnd().TrimEnd(';')}",
                    cancellationToken);
                rows.Add([view.Schema, view.Name, "view", "pg_temp." + view.Name, "recreated as a temp view over the routed tables"]);
            }
        }

        await DiscardPlansAsync(session, cancellationToken);
        return new CommandResult(RouteColumns, rows);
    }

    public static async Task<CommandResult> ReturnActualAsync(
        ISqlSession session, string? include, string? exclude, CancellationToken cancellationToken)
    {
        var routed = await session.QueryAsync(
            """
            SELECT DISTINCT v.relname, sn.nspname
            FROM pg_class v
            JOIN pg_rewrite r ON r.ev_class = v.oid
            JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid AND d.refclassid = 'pg_class'::regclass
            JOIN pg_class st ON st.oid = d.refobjid AND st.oid <> v.oid
            JOIN pg_namespace sn ON sn.oid = st.relnamespace
            WHERE v.relnamespace = pg_my_temp_schema() AND v.relkind = 'v'
              AND sn.nspname LIKE 'gendb\_%\_\_%' AND st.relname = v.relname
            ORDER BY 1
            """,
            cancellationToken);

        var includePatterns = TablePatterns.Parse(include);
        var excludePatterns = TablePatterns.Parse(exclude);
        var rows = new List<object?[]>();
        foreach (var row in routed.Rows)
        {
            var name = row[0]!;
            var syntheticSchema = row[1]!;
            SyntheticNaming.TryParseSchema(syntheticSchema, out _, out var sourceSchema);
            var candidate = new TableCandidate(sourceSchema, name, IsOnSearchPath: true);
            if ((!includePatterns.IsEmpty && !includePatterns.Matches(candidate)) || excludePatterns.Matches(candidate))
            {
                continue;
            }

            // Temp views recreated over this one (views follow their tables) go with it.
            var dependents = await session.QueryAsync(
                $"""
                WITH RECURSIVE deps(oid) AS (
                  SELECT r.ev_class FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid
                  WHERE d.classid = 'pg_rewrite'::regclass AND d.refclassid = 'pg_class'::regclass
                    AND d.refobjid = {Quote.Literal("pg_temp." + Quote.Identifier(name))}::regclass AND r.ev_class <> d.refobjid
                  UNION
                  SELECT r.ev_class FROM deps JOIN pg_depend d ON d.refobjid = deps.oid AND d.classid = 'pg_rewrite'::regclass
                  JOIN pg_rewrite r ON r.oid = d.objid WHERE r.ev_class <> deps.oid
                )
                SELECT c.relname FROM deps JOIN pg_class c ON c.oid = deps.oid ORDER BY 1
                """,
                cancellationToken);
            await session.QueryAsync($"DROP VIEW IF EXISTS pg_temp.{Quote.Identifier(name)} CASCADE", cancellationToken);
            rows.Add([sourceSchema, name, "table", $"{sourceSchema}.{name}", null]);
            foreach (var dependent in dependents.Rows)
            {
                rows.Add([null, dependent[0], "view", dependent[0], "temp view removed with the table it read"]);
            }
        }

        if (rows.Count > 0)
        {
            await DiscardPlansAsync(session, cancellationToken);
        }

        return new CommandResult(RouteColumns, rows);
    }

    public static async Task<CommandResult> StatusAsync(ISqlSession session, CancellationToken cancellationToken)
    {
        var result = await session.QueryAsync(
            """
            SELECT n.nspname, c.relname,
                   (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I.%I', n.nspname, c.relname), false, true, '')))[1]::text,
                   EXISTS (
                     SELECT 1 FROM pg_class v
                     JOIN pg_rewrite r ON r.ev_class = v.oid
                     JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid AND d.refobjid = c.oid
                     WHERE v.relnamespace = pg_my_temp_schema() AND v.relname = c.relname)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname LIKE 'gendb\_%\_\_%' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
              AND has_table_privilege(c.oid, 'SELECT')
            ORDER BY 1, 2
            """,
            cancellationToken);
        var rows = new List<object?[]>();
        foreach (var row in result.Rows)
        {
            if (!SyntheticNaming.TryParseSchema(row[0]!, out var scenario, out var sourceSchema))
            {
                continue;
            }

            rows.Add([sourceSchema, row[1], scenario, long.Parse(row[2]!, CultureInfo.InvariantCulture), row[3] == "t", false]);
        }

        return new CommandResult(StatusColumns, rows);
    }

    private static async Task DiscardPlansAsync(ISqlSession session, CancellationToken cancellationToken) =>
        // Once pg_temp exists, a new temp view does not invalidate plans made against the real table
        // (seen on PostgreSQL 15): prepared statements would keep reading it. DISCARD PLANS makes
        // every cached plan re-resolve its names on next use; it is allowed in a transaction block.
        await session.QueryAsync("DISCARD PLANS", cancellationToken);

    private static async Task<List<SyntheticTable>> ListSyntheticTablesAsync(ISqlSession session, string scenario, CancellationToken cancellationToken)
    {
        var prefix = SyntheticNaming.SchemaPrefix(scenario);
        var result = await session.QueryAsync(
            $"""
            WITH path AS (SELECT p.nspname, p.ord FROM unnest(current_schemas(false)) WITH ORDINALITY AS p(nspname, ord))
            SELECT n.nspname, substr(n.nspname, {prefix.Length + 1}) AS source_schema, c.relname,
                   (SELECT p.nspname FROM path p JOIN pg_namespace n2 ON n2.nspname = p.nspname
                      JOIN pg_class c2 ON c2.relnamespace = n2.oid AND c2.relname = c.relname
                    ORDER BY p.ord LIMIT 1) = substr(n.nspname, {prefix.Length + 1}) AS on_search_path,
                   has_table_privilege(c.oid, 'SELECT'),
                   (SELECT has_table_privilege(rc.oid, 'SELECT') FROM pg_class rc JOIN pg_namespace rn ON rn.oid = rc.relnamespace
                     WHERE rn.nspname = substr(n.nspname, {prefix.Length + 1}) AND rc.relname = c.relname)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE starts_with(n.nspname, {Quote.Literal(prefix)}) AND c.relkind IN ('r', 'p') AND NOT c.relispartition
            ORDER BY 2, 3
            """,
            cancellationToken);
        return result.Rows
            .Select(r => new SyntheticTable(r[0]!, r[1]!, r[2]!, r[3] == "t", r[4] == "t", r[5] is null ? null : r[5] == "t"))
            .ToList();
    }

    private static List<SyntheticTable> Select(List<SyntheticTable> tables, string? include, string? exclude, string scenario)
    {
        if (tables.Count == 0)
        {
            throw new GendbCommandException(PostgresError.CreateError(SqlState.UndefinedTable,
                $"scenario \"{scenario}\" has no synthetic tables",
                $"Synthetic copies live in schemas named {SyntheticNaming.SchemaPrefix(scenario)}<schema> (for public: {SyntheticNaming.SchemaPrefix(scenario)}public); none of them holds a table you can see."));
        }

        var includePatterns = TablePatterns.Parse(include);
        var excludePatterns = TablePatterns.Parse(exclude);
        foreach (var pattern in includePatterns.Patterns)
        {
            if (!tables.Any(t => pattern.Matches(t.Candidate)))
            {
                throw new GendbCommandException(PostgresError.CreateError(SqlState.UndefinedTable,
                    $"no table with a synthetic copy in scenario \"{scenario}\" matches \"{pattern.Text}\"",
                    "Tables with a synthetic copy: " + string.Join(", ", tables.Select(t => $"{t.SourceSchema}.{t.Name}")) +
                    ". A pattern without a schema matches the tables that an unqualified name reaches through search_path."));
            }
        }

        return tables
            .Where(t => (includePatterns.IsEmpty || includePatterns.Matches(t.Candidate)) && !excludePatterns.Matches(t.Candidate))
            .ToList();
    }

    private sealed record DependentView(string Schema, string Name, string Kind, string? Definition, bool OnSearchPath);

    private static async Task<List<DependentView>> ListDependentViewsAsync(ISqlSession session, IEnumerable<string> qualifiedTables, CancellationToken cancellationToken)
    {
        var tables = qualifiedTables.ToList();
        if (tables.Count == 0)
        {
            return [];
        }

        var saved = (await session.QueryAsync("SELECT current_setting('search_path')", cancellationToken)).Rows[0][0]!;
        await session.QueryAsync($"SELECT set_config('search_path', {Quote.Literal(string.IsNullOrWhiteSpace(saved) ? "pg_temp" : saved + ", pg_temp")}, true)", cancellationToken);
        // A failure aborts the transaction, and with it this SET LOCAL; no restore is needed then.
        var oids = "ARRAY[" + string.Join(", ", tables.Select(t => Quote.Literal(t) + "::regclass::oid")) + "]";
        var result = await session.QueryAsync(
            $"""
            WITH RECURSIVE deps(oid, depth) AS (
              SELECT r.ev_class, 1 FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid
              WHERE d.classid = 'pg_rewrite'::regclass AND d.refclassid = 'pg_class'::regclass
                AND d.refobjid = ANY({oids}) AND r.ev_class <> d.refobjid
              UNION
              SELECT r.ev_class, deps.depth + 1 FROM deps
              JOIN pg_depend d ON d.refobjid = deps.oid AND d.refclassid = 'pg_class'::regclass AND d.classid = 'pg_rewrite'::regclass
              JOIN pg_rewrite r ON r.oid = d.objid
              WHERE r.ev_class <> deps.oid AND deps.depth < 32
            ),
            path AS (SELECT p.nspname, p.ord FROM unnest(current_schemas(false)) WITH ORDINALITY AS p(nspname, ord))
            SELECT n.nspname, c.relname, c.relkind::text,
                   CASE WHEN c.relkind = 'v' THEN pg_get_viewdef(c.oid) END,
                   (SELECT p.nspname FROM path p JOIN pg_namespace n2 ON n2.nspname = p.nspname
                      JOIN pg_class c2 ON c2.relnamespace = n2.oid AND c2.relname = c.relname
                    ORDER BY p.ord LIMIT 1) = n.nspname,
                   max(deps.depth) AS depth
            FROM deps JOIN pg_class c ON c.oid = deps.oid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname NOT LIKE 'pg\_temp%'
            GROUP BY c.oid, n.nspname, c.relname, c.relkind
            ORDER BY depth, 1, 2
            """,
            cancellationToken);
        await session.QueryAsync($"SELECT set_config('search_path', {Quote.Literal(saved)}, true)", cancellationToken);
        return result.Rows.Select(r => new DependentView(r[0]!, r[1]!, r[2]!, r[3], r[4] == "t")).ToList();
    }
}
