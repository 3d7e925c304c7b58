using GenDb.Commands.Execution;
using GenDb.Commands.Synthetic;
using GenDb.Generation;
using GenDb.Generation.Engine;
using GenDb.Protocol;
using GenDb.Schema;
using GenDb.Sql;

namespace GenDb.Commands.Generation;

/// <summary>gendb.plan and gendb inspect: what generate_data would do to every column, and why.</summary>
public static class PlanCommands
{
    public static IReadOnlyList<ResultColumn> Columns { get; } =
    [
        new("schema", ResultType.Text),
        new("table_name", ResultType.Text),
        new("column_name", ResultType.Text),
        new("type", ResultType.Text),
        new("generator", ResultType.Text),
        new("source", ResultType.Text),
        new("reason", ResultType.Text),
        new("constraints", ResultType.Text),
        new("examples", ResultType.Text),
        new("rows", ResultType.Bigint),
        new("load", ResultType.Text),
    ];

    /// <summary>The plan of every matching table; reads the schema, writes nothing.</summary>
    public static async Task<IReadOnlyList<PlannedTable>> PlanAsync(
        ISqlSession session,
        string? include,
        string? exclude,
        long? rows,
        string scenario,
        CommandContext context,
        CancellationToken cancellationToken) =>
        (await PlanWithModelAsync(session, include, exclude, rows, scenario, context, cancellationToken)).Plans;

    private static async Task<(DatabaseModel Model, IReadOnlyList<PlannedTable> Plans)> PlanWithModelAsync(
        ISqlSession session,
        string? include,
        string? exclude,
        long? rows,
        string scenario,
        CommandContext context,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        GenerateCommands.ValidateRows(rows);
        var model = await SchemaIntrospector.ReadAsync(session, cancellationToken);
        var searchPath = await SyntheticCommands.SearchPathAsync(session, cancellationToken);
        var requests = SyntheticCommands.Match(model, searchPath, include, exclude)
            .Order()
            .Select(t => new TableRequest(t, GenerateCommands.RowsFor(t, rows, context)))
            .ToList();
        var options = GenerateCommands.Options(context, seed: null, GenerationMode.Replace, scenario, locale: null);
        var engine = new GenerationEngine(session, model, options);
        try
        {
            return (model, await engine.PlanAsync(requests, cancellationToken));
        }
        catch (GenerationException ex)
        {
            throw GenerateCommands.ToCommandException(ex);
        }
    }

    /// <summary>CALL gendb.plan(): one row per column.</summary>
    public static async Task<CommandResult> PlanResultAsync(
        ISqlSession session,
        string? include,
        string? exclude,
        long? rows,
        string scenario,
        CommandContext context,
        CancellationToken cancellationToken)
    {
        var (model, plans) = await PlanWithModelAsync(session, include, exclude, rows, scenario, context, cancellationToken);
        var result = plans.SelectMany(t => t.Columns.Select(c => new object?[]
        {
            t.Table.Schema, t.Table.Name, c.Name, c.Type, c.Generator, SourceName(c.Source), c.Reason,
            c.Constraints.Count == 0 ? null : string.Join("; ", c.Constraints),
            c.Examples.Count == 0 ? null : string.Join(" | ", c.Examples), t.Rows, t.Load,
        })).ToList();
        var notices = GenerateCommands.UnmatchedTableEntries(context.Profile, model)
            .Concat(plans.SelectMany(t => t.Notes.Select(n => new PostgresError(PostgresError.Notice, "00000", $"{t.Table}: {n}"))))
            .ToList();
        return new CommandResult(Columns, result) { Notices = notices };
    }

    /// <summary>How the source reads in a result or a terminal.</summary>
    public static string SourceName(PlannedSource source) => source switch
    {
        PlannedSource.Override => "override",
        PlannedSource.ColumnRule => "column rule",
        PlannedSource.Concept => "detected",
        PlannedSource.TypeFallback => "type fallback",
        PlannedSource.ForeignKey => "foreign key",
        PlannedSource.Database => "database",
        _ => "null",
    };
}
