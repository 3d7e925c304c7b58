namespace GenDb.Commands;

/// <summary>
/// The definitions of the built-in GenDB procedures. A new procedure is one more definition here
/// (and in <see cref="All"/>), e.g. <c>generate_data(rows integer, seed integer, mode text)</c>.
/// </summary>
public static class GendbProcedures
{
    public const string ReturnGeneratedName = "return_generated";
    public const string ReturnActualName = "return_actual";
    public const string StatusName = "status";
    public const string HelpName = "help";
    public const string SyncName = "sync";
    public const string DropScenarioName = "drop_scenario";
    public const string ResetName = "reset";
    public const string DescribeName = "describe";
    public const string GenerateDataName = "generate_data";

    public const string PlanName = "plan";

    // Shared by return_generated and return_actual: the two are each other's inverse.
    // Declared before the procedures that use them: static initializers run in text order.
    /// <summary>generate_data's and plan's include: the tables to <paramref name="verb"/>.</summary>
    private static ProcedureParameter TablesTo(string verb) => new(
        "include",
        GendbType.Text,
        Default: null,
        Required: false,
        $"Tables to {verb}: comma-separated names or globs (*, ?), optionally schema-qualified, e.g. 'users, sales.*'; NULL means every table.",
        ["table_name", "table_pattern", "include_tables"]);

    /// <summary>generate_data's and plan's rows.</summary>
    private static ProcedureParameter Rows(string description) =>
        new("rows", GendbType.Integer, Default: null, Required: false, description, ["row_count", "count"]);

    private static readonly ProcedureParameter Include = new(
        "include",
        GendbType.Text,
        Default: null,
        Required: false,
        "Tables to route: comma-separated names or globs (*, ?), optionally schema-qualified, e.g. 'users, sales.*'; NULL means every table with a synthetic copy.",
        ["table_name", "table_pattern", "include_tables"]);

    private static readonly ProcedureParameter Exclude = new(
        "exclude",
        GendbType.Text,
        Default: null,
        Required: false,
        "Tables to leave out of include, in the same form; NULL leaves out none.",
        ["exclude_tables"]);

    private static readonly ProcedureParameter Scope = new(
        "scope",
        GendbType.Text,
        Default: "session",
        Required: false,
        "How long the routing lasts: 'session' (this connection) or 'proxy' (also every later session of this user and database through this proxy).",
        []);

    private static readonly ProcedureParameter Scenario = new(
        "scenario",
        GendbType.Text,
        Default: "default",
        Required: false,
        "Which synthetic copy: scenario c of schema s lives in schema gendb_<c>__<s>.",
        []);

    private static readonly ProcedureParameter Force = new(
        "force",
        GendbType.Boolean,
        Default: false,
        Required: false,
        "Also drop or recreate synthetic tables that other sessions are routed to (they then read the new copy, or fail if it is gone).",
        []);

    public static ProcedureDefinition GenerateData { get; } = new(
        GenerateDataName,
        "Fills the synthetic copies of the matching tables with rows that satisfy every constraint (creating or syncing the copies first); empty referenced tables are filled too.",
        [
            TablesTo("fill"),
            Exclude,
            Rows("Rows per matching table; NULL means the table's gendb.yaml entry, else default_rows, else 100."),
            new ProcedureParameter(
                "seed",
                GendbType.Integer,
                Default: null,
                Required: false,
                "The seed: the same seed, schema and arguments give identical rows; NULL means seed from gendb.yaml, else a fixed default.",
                []),
            Scenario,
            new ProcedureParameter(
                "mode",
                GendbType.Text,
                Default: "replace",
                Required: false,
                "'replace' (each table ends with exactly the rows asked for; synthetic rows that referenced replaced rows are regenerated) or 'append'.",
                []),
            new ProcedureParameter(
                "locale",
                GendbType.Text,
                Default: null,
                Required: false,
                "The language and country of names, places and text: a Bogus locale such as 'en', 'de', 'fr', 'pt_BR'; NULL means locale from gendb.yaml, else 'en'.",
                []),
        ]);

    public static ProcedureDefinition Plan { get; } = new(
        PlanName,
        "Shows, for every column of the matching tables, the generator generate_data would use and why (gendb.yaml override, column rule, detected concept or type fallback), with the constraints its values keep. Writes nothing.",
        [
            TablesTo("show"),
            Exclude,
            Rows("Rows per table to plan for; NULL means the table's gendb.yaml entry, else default_rows, else 100."),
            Scenario,
        ]);

    public static ProcedureDefinition Sync { get; } = new(
        SyncName,
        "Brings the synthetic copies of the matching tables (and of the tables they reference) in line with the real schema: creates missing ones, recreates changed ones, drops those whose source is gone.",
        [Include, Exclude, Scenario, Force]);

    public static ProcedureDefinition Reset { get; } = new(
        ResetName,
        "Empties the synthetic copies of the matching tables (and the copies that reference them) and restarts their sequences.",
        [Include, Exclude, Scenario]);

    public static ProcedureDefinition Describe { get; } = new(
        DescribeName,
        "Shows one table as GenDB sees it: columns, types, constraints, foreign-key edges and its place in the generation order.",
        [
            new ProcedureParameter(
                "table",
                GendbType.Text,
                Default: null,
                Required: true,
                "The table: a name as it resolves through search_path, or schema-qualified.",
                ["table_name"]),
            Scenario,
        ]);

    public static ProcedureDefinition DropScenario { get; } = new(
        DropScenarioName,
        "Drops a scenario's synthetic schemas (or the one of a source schema), leaving the real tables as they are.",
        [
            Scenario,
            new ProcedureParameter(
                "schema",
                GendbType.Text,
                Default: null,
                Required: false,
                "Only the copy of this source schema; NULL means every schema of the scenario.",
                []),
            Force,
        ]);

    public static ProcedureDefinition ReturnGenerated { get; } = new(
        ReturnGeneratedName,
        "Routes this session's queries on the matching tables to their synthetic copies.",
        [
            Include,
            Exclude,
            new ProcedureParameter(
                "scenario",
                GendbType.Text,
                Default: "default",
                Required: false,
                "Which synthetic copy to read: scenario c of schema s lives in schema gendb_<c>__<s>.",
                []),
            Scope,
        ]);

    public static ProcedureDefinition ReturnActual { get; } = new(
        ReturnActualName,
        "Routes this session's queries on the matching tables back to the actual tables.",
        [Include, Exclude, Scope]);

    public static ProcedureDefinition Status { get; } = new(
        StatusName,
        "Lists the synthetic tables you can read, with their scenario, row count and whether this session routes to them.",
        []);

    public static ProcedureDefinition Help { get; } = new(
        HelpName,
        "Lists the GenDB procedures and their parameters.",
        []);

    public static IReadOnlyList<ProcedureDefinition> All { get; } = [ReturnGenerated, ReturnActual, Status, Help, Sync, Reset, Describe, DropScenario, GenerateData, Plan];
}
