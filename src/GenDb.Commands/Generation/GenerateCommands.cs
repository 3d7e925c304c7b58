using GenDb.Commands.Execution;
using GenDb.Commands.Synthetic;
using GenDb.Generation;
using GenDb.Generation.Engine;
using GenDb.Generation.Profiles;
using GenDb.Generation.Semantics;
using GenDb.Protocol;
using GenDb.Schema;
using GenDb.Schema.Synthetic;
using GenDb.Sql;

namespace GenDb.Commands.Generation;

/// <summary>The arguments of gendb.generate_data (and of <c>gendb generate</c>); null means the default.</summary>
public sealed record GenerateDataRequest(string? Include, string? Exclude)
{
    /// <summary>Rows per table; null: the table's gendb.yaml entry, else default_rows, else 100.</summary>
    public long? Rows { get; init; }

    public long? Seed { get; init; }

    public string Scenario { get; init; } = SyntheticNaming.DefaultScenario;

    /// <summary>replace or append.</summary>
    public string? Mode { get; init; }

    /// <summary>A Bogus locale (en, de, fr …); null: gendb.yaml's, else en.</summary>
    public string? Locale { get; init; }
}

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
        GenerateDataRequest request,
        CommandContext context,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var (include, exclude, rows, seed, scenario, mode) = (request.Include, request.Exclude, request.Rows, request.Seed, request.Scenario, request.Mode);
        ValidateRows(rows);

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
            .Select(t => new TableRequest(t, RowsFor(t, rows, context)))
            .ToList();

        var notices = new List<PostgresError>();
        foreach (var warning in UnmatchedTableEntries(context.Profile, model))
        {
            if (context.SendNotice is { } send)
            {
                await send(warning, cancellationToken);
            }
            else
            {
                notices.Add(warning);
            }
        }

        var observer = new NoticeObserver(context, notices);
        var engine = new GenerationEngine(session, model, Options(context, seed, generationMode, scenario, request.Locale), observer);
        IReadOnlyList<TableReport> reports;
        try
        {
            reports = await engine.RunAsync(requested, cancellationToken);
        }
        catch (GenerationException ex)
        {
            throw ToCommandException(ex);
        }

        return new CommandResult(
            Columns,
            [.. reports.Select(r => new object?[] { r.Table.Schema, r.Table.Name, r.RowsInserted, r.Milliseconds, r.Note })])
        {
            Notices = notices,
        };
    }

    /// <summary>
    /// gendb.yaml table entries that name no table of this database: a WARNING each, not an error,
    /// since one file may serve several databases behind one proxy.
    /// </summary>
    internal static IEnumerable<PostgresError> UnmatchedTableEntries(GenerationProfile profile, DatabaseModel model) =>
        profile.Tables
            .Where(entry => !model.Tables.Any(t => profile.TableFor(t.QualifiedName) == entry))
            .Select(entry => new PostgresError(PostgresError.Warning, "01000",
                $"{entry.Where?.ToString() ?? "gendb.yaml"}: table entry \"{entry.Name}\" matches no table in this database; it is ignored")
            {
                Hint = "Check the spelling: entries are schema.table or a bare table name, as in the catalog.",
            });

    internal static void ValidateRows(long? rows)
    {
        if (rows < 0)
        {
            throw new GendbCommandException(PostgresError.CreateError(SqlState.InvalidParameterValue,
                $"rows must not be negative: {rows}", "Pass the number of rows each matching table should get, e.g. rows => 500."));
        }
    }

    /// <summary>Rows for one table: the CALL's, else the table's gendb.yaml entry, else default_rows, else 100.</summary>
    internal static long RowsFor(QualifiedName table, long? rows, CommandContext context) =>
        rows ?? context.Profile.TableFor(table)?.Rows ?? context.DefaultRows ?? GenerationOptions.DefaultRows;

    /// <summary>The engine's options: the CALL's arguments first, then gendb.yaml, then the defaults.</summary>
    internal static GenerationOptions Options(CommandContext context, long? seed, GenerationMode mode, string scenario, string? locale)
    {
        var asked = locale ?? context.Profile.Locale ?? GenerationOptions.DefaultLocale;
        if (!Locales.TryNormalize(asked, out var chosen))
        {
            throw new GendbCommandException(PostgresError.CreateError(SqlState.InvalidParameterValue,
                $"unknown locale \"{asked}\"",
                $"Use a Bogus locale name such as {Locales.Examples}."));
        }

        return new GenerationOptions(seed ?? context.DefaultSeed ?? GenerationOptions.DefaultSeed, mode, scenario)
        {
            Profile = context.Profile,
            Locale = chosen,
            Semantics = new SemanticOptions { ReservedEmailDomains = !context.Profile.RealisticEmailDomains },
        };
    }

    internal static GendbCommandException ToCommandException(GenerationException ex) =>
        new(new PostgresError(PostgresError.Error, ex.SqlState, ex.Message)
        {
            Hint = ex.Hint,
            SchemaName = ex.Table?.Contains('.', StringComparison.Ordinal) == true ? ex.Table[..ex.Table.IndexOf('.', StringComparison.Ordinal)] : null,
            TableName = ex.Table?.Contains('.', StringComparison.Ordinal) == true ? ex.Table[(ex.Table.IndexOf('.', StringComparison.Ordinal) + 1)..] : ex.Table,
            ColumnName = ex.Column,
            ConstraintName = ex.Constraint,
        });

    /// <summary>One NOTICE per finished table, sent at once when the session can, kept for the result otherwise; progress goes on to the context's observer.</summary>
    private sealed class NoticeObserver(CommandContext context, List<PostgresError> kept) : IGenerationObserver
    {
        public ValueTask TableStartedAsync(QualifiedName table, long rows, CancellationToken cancellationToken) =>
            context.Progress?.TableStartedAsync(table, rows, cancellationToken) ?? ValueTask.CompletedTask;

        public void RowsWritten(QualifiedName table, long rowsSoFar) => context.Progress?.RowsWritten(table, rowsSoFar);

        public async ValueTask TableFinishedAsync(TableReport report, CancellationToken cancellationToken)
        {
            var notice = new PostgresError(PostgresError.Notice, "00000",
                $"generated {report.RowsInserted} rows in {report.Synthetic} ({report.Milliseconds} ms){(report.Note is null ? string.Empty : ": " + report.Note)}");
            if (context.SendNotice is { } send)
            {
                await send(notice, cancellationToken);
            }
            else
            {
                kept.Add(notice);
            }

            if (context.Progress is { } progress)
            {
                await progress.TableFinishedAsync(report, cancellationToken);
            }
        }
    }
}
