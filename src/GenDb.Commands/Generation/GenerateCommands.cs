using GenDb.Commands.Execution;
using GenDb.Commands.Synthetic;
using GenDb.Generation;
using GenDb.Generation.Engine;
using GenDb.Protocol;
using GenDb.Schema;
using GenDb.Sql;

namespace GenDb.Commands.Generation;

/// <summary>gendb.generate_data: the engine, run in the caller's session.</summary>
public static class GenerateCommands
{
    public static IReadOnlyList<ResultColumn> Columns { get; } =
    [
        new("schema", ResultType.Text),
        new("table_name", ResultType.Text),
        new("rows_inserted", ResultType.Bigint),
        new("milliseconds", ResultType.Bigint),
        new("note", ResultType.Text),
    ];

    public static async Task<CommandResult> GenerateDataAsync(
        ISqlSession session,
        string? include,
        string? exclude,
        long? rows,
        long? seed,
        string scenario,
        string? mode,
        CommandContext context,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var rowCount = rows ?? context.DefaultRows ?? GenerationOptions.DefaultRows;
        if (rowCount < 0)
        {
            throw new GendbCommandException(PostgresError.CreateError(SqlState.InvalidParameterValue,
                $"rows must not be negative: {rowCount}", "Pass the number of rows each matching table should get, e.g. rows => 500."));
        }

        var generationMode = (mode ?? "replace") switch
        {
            "replace" => GenerationMode.Replace,
            "append" => GenerationMode.Append,
            _ => throw new GendbCommandException(PostgresError.CreateError(SqlState.InvalidParameterValue,
                $"invalid value for mode: \"{mode}\"",
                "mode is 'replace' (each table ends with exactly the rows asked for) or 'append' (rows are added to those there).")),
        };

        // The copies first: created, or recreated where the real schema changed.
        await SyntheticCommands.SyncAsync(session, include, exclude, scenario, force: false, cancellationToken);
        var model = await SchemaIntrospector.ReadAsync(session, cancellationToken);
        var searchPath = await SyntheticCommands.SearchPathAsync(session, cancellationToken);
        var requested = SyntheticCommands.Match(model, searchPath, include, exclude)
            .Order()
            .Select(t => new TableRequest(t, rowCount))
            .ToList();

        var notices = new List<PostgresError>();
        var observer = new NoticeObserver(context, notices);
        var engine = new GenerationEngine(session, model, new GenerationOptions(seed ?? context.DefaultSeed ?? GenerationOptions.DefaultSeed, generationMode, scenario), observer);
        IReadOnlyList<TableReport> reports;
        try
        {
            reports = await engine.RunAsync(requested, cancellationToken);
        }
        catch (GenerationException ex)
        {
            throw new GendbCommandException(new PostgresError(PostgresError.Error, ex.SqlState, ex.Message) { Hint = ex.Hint });
        }

        return new CommandResult(
            Columns,
            [.. reports.Select(r => new object?[] { r.Table.Schema, r.Table.Name, r.RowsInserted, r.Milliseconds, r.Note })])
        {
            Notices = notices,
        };
    }

    /// <summary>One NOTICE per finished table, sent at once when the session can, kept for the result otherwise.</summary>
    private sealed class NoticeObserver(CommandContext context, List<PostgresError> kept) : IGenerationObserver
    {
        public ValueTask TableStartedAsync(QualifiedName table, long rows, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public void RowsWritten(QualifiedName table, long rowsSoFar)
        {
        }

        public ValueTask TableFinishedAsync(TableReport report, CancellationToken cancellationToken)
        {
            var notice = new PostgresError(PostgresError.Notice, "00000",
                $"generated {report.RowsInserted} rows in {report.Synthetic} ({report.Milliseconds} ms){(report.Note is null ? string.Empty : ": " + report.Note)}");
            if (context.SendNotice is { } send)
            {
                return send(notice, cancellationToken);
            }

            kept.Add(notice);
            return ValueTask.CompletedTask;
        }
    }
}
