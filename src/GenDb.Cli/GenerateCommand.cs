using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using GenDb.Cli.Terminal;
using GenDb.Commands.Execution;
using GenDb.Commands.Generation;
using GenDb.Generation.Engine;
using GenDb.Schema.Synthetic;
using GenDb.Sql.Npgsql;

namespace GenDb.Cli;

/// <summary>The values of <c>gendb generate</c>; null means the default (gendb.yaml's, else GenDB's).</summary>
internal sealed record GenerateArguments
{
    public string? Db { get; init; }
    public string? Include { get; init; }
    public string? Exclude { get; init; }
    public long? Rows { get; init; }
    public long? Seed { get; init; }
    public string Scenario { get; init; } = SyntheticNaming.DefaultScenario;
    public string? Mode { get; init; }
    public string? Locale { get; init; }
    public string? ConfigPath { get; init; }
}

/// <summary>
/// <c>gendb generate</c>: <c>CALL gendb.generate_data</c> without the proxy, straight against a
/// database. The same engine with the same arguments and seed writes the same rows as the CALL.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create(CliHost host)
    {
        var db = DirectOptions.Db();
        var include = DirectOptions.Include("Tables to fill");
        var exclude = DirectOptions.Exclude();
        var rows = DirectOptions.Rows("Rows per matching table (default: the table's gendb.yaml entry, else default_rows, else 100).");
        var seed = DirectOptions.WholeNumber("--seed", "The same seed, schema and arguments give the same rows (default: seed from gendb.yaml, else a fixed one).");
        var scenario = DirectOptions.Scenario();
        var mode = new Option<string?>("--mode") { Description = "replace (default: each table ends with exactly the rows asked for) or append." };
        mode.AcceptOnlyFromAmong("replace", "append");
        var locale = new Option<string?>("--locale") { Description = "A Bogus locale for names, places and text: en, de, fr, pt_BR … (default: gendb.yaml's, else en)." };
        var config = DirectOptions.Config();

        var command = new Command("generate",
            "Fill the synthetic copies of a database's tables (gendb_<scenario>__<schema>), as CALL gendb.generate_data does through the proxy, "
            + "in one transaction. " + ExitCodes.Help)
        {
            db, include, exclude, rows, seed, scenario, mode, locale, config,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            new GenerateArguments
            {
                Db = result.GetValue(db),
                Include = result.GetValue(include),
                Exclude = result.GetValue(exclude),
                Rows = result.GetValue(rows),
                Seed = result.GetValue(seed),
                Scenario = result.GetValue(scenario) ?? SyntheticNaming.DefaultScenario,
                Mode = result.GetValue(mode),
                Locale = result.GetValue(locale),
                ConfigPath = result.GetValue(config),
            },
            host,
            cancellationToken));
        return command;
    }

    public static Task<int> RunAsync(GenerateArguments arguments, CliHost host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(host);
        var run = new DirectRun("generate", host);
        return run.GuardAsync(async () =>
        {
            DirectOptions.Validate(arguments.Rows, arguments.Scenario);
            if (arguments.Locale is { } locale && !Bogus.Database.LocaleResourceExists(locale))
            {
                throw new UsageException($"--locale {locale} is not a Bogus locale; use one such as en, en_GB, de, fr, es, nl, pt_BR, ja or zh_CN");
            }

            var config = DirectRun.LoadConfig(arguments.ConfigPath);
            await using var connection = await run.ConnectAsync(arguments.Db, cancellationToken);
            var session = new NpgsqlSqlSession(connection);
            var request = new GenerateDataRequest(arguments.Include, arguments.Exclude)
            {
                Rows = arguments.Rows,
                Seed = arguments.Seed,
                Scenario = arguments.Scenario,
                Mode = arguments.Mode,
                Locale = arguments.Locale,
            };

            var clock = Stopwatch.StartNew();
            var finished = await GenerationProgress.RunAsync(host.Console, async progress =>
            {
                // The proxy's defaults exactly (see ServeCommand), so the CALL and this give the same rows.
                var context = new CommandContext
                {
                    DefaultRows = config.DefaultRows,
                    DefaultSeed = config.Seed,
                    Profile = config.Profile,
                    Progress = progress,
                    SendNotice = run.SendNoticeAsync,
                };
                var result = await DirectRun.InTransactionAsync(session, commit: true,
                    () => GenerateCommands.GenerateDataAsync(session, request, context, cancellationToken), cancellationToken);
                progress.Complete(result.Rows.Select(Finished));
                return progress.Finished;
            });

            var seed = arguments.Seed ?? config.Seed ?? GenerationOptions.DefaultSeed;
            var summary = GenerationProgress.Summary(finished, clock.Elapsed, seed, arguments.Scenario);
            await host.Out.WriteLineAsync(finished.Count == 0 ? $"{summary}: no table matches {arguments.Include ?? "*"}" : summary);
            return ExitCodes.Ok;
        }, cancellationToken);
    }

    /// <summary>A row of generate_data's result: schema, table_name, rows_inserted, milliseconds, note.</summary>
    private static FinishedTable Finished(object?[] row) =>
        new($"{row[0]}.{row[1]}", Convert.ToInt64(row[2], CultureInfo.InvariantCulture),
            Convert.ToInt64(row[3], CultureInfo.InvariantCulture), row[4] as string);
}

/// <summary>The options generate, inspect and config check share, described once.</summary>
internal static class DirectOptions
{
    public static Option<string?> Db() => new("--db")
    {
        Description = "The database: a postgres:// URI, a libpq 'host=… dbname=…' string or an Npgsql connection string; "
            + "what it leaves out comes from PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE (as for psql).",
    };

    public static Option<string?> Include(string what) => new("--include")
    {
        Description = $"{what}: comma-separated names or globs (*, ?), optionally schema-qualified, e.g. 'users, sales.*' (default: every table).",
    };

    public static Option<string?> Exclude() => new("--exclude") { Description = "Tables to leave out of --include, in the same form." };

    public static Option<long?> Rows(string description) => WholeNumber("--rows", description);

    /// <summary>A whole-number option whose parse error names the option and the value, not a .NET type.</summary>
    public static Option<long?> WholeNumber(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Join(' ', result.Tokens.Select(t => t.Value));
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            result.AddError($"{name} takes a whole number, not '{text}'");
            return null;
        },
    };

    public static Option<string?> Scenario() => new("--scenario")
    {
        Description = $"Which synthetic copy: gendb_<scenario>__<schema> (default: {SyntheticNaming.DefaultScenario}).",
    };

    public static Option<string?> Config() => new("--config")
    {
        Description = $"gendb.yaml to read (default: {GenDb.Commands.Configuration.GendbConfig.FileName} in the current directory, else next to gendb).",
    };

    /// <summary>What the parser cannot check: rows not negative, a scenario that names a schema.</summary>
    public static void Validate(long? rows, string scenario)
    {
        if (rows is < 0)
        {
            throw new UsageException($"--rows must not be negative, not {rows}");
        }

        if (SyntheticNaming.ValidateScenario(scenario) is { } invalid)
        {
            throw new UsageException($"--scenario: {invalid.Message}. {invalid.Hint}");
        }
    }
}
