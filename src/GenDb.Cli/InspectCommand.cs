using System.CommandLine;
using GenDb.Cli.Terminal;
using GenDb.Commands.Execution;
using GenDb.Commands.Generation;
using GenDb.Schema.Synthetic;
using GenDb.Sql.Npgsql;

namespace GenDb.Cli;

/// <summary>The values of <c>gendb inspect</c>.</summary>
internal sealed record InspectArguments
{
    public string? Db { get; init; }
    public string? Include { get; init; }
    public string? Exclude { get; init; }
    public long? Rows { get; init; }
    public string? ConfigPath { get; init; }

    /// <summary><c>table</c> (for people) or <c>yaml</c> (a gendb.yaml skeleton).</summary>
    public string Format { get; init; } = "table";
}

/// <summary>
/// <c>gendb inspect</c>: what <c>gendb generate</c> would do to every column, and why, without
/// doing it. The plan runs in a transaction that is always rolled back, so nothing it reads for
/// (or might touch) stays in the database.
/// </summary>
internal static class InspectCommand
{
    public static Command Create(CliHost host)
    {
        var db = DirectOptions.Db();
        var include = DirectOptions.Include("Tables to show");
        var exclude = DirectOptions.Exclude();
        var rows = DirectOptions.Rows("Rows per table to plan for (default: the table's gendb.yaml entry, else default_rows, else 100).");
        var config = DirectOptions.Config();
        var format = new Option<string>("--format")
        {
            Description = "table: a table of columns per database table; yaml: a gendb.yaml skeleton of the plan to edit and pass to --config.",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "yaml");

        var command = new Command("inspect",
            "Show, for every column of a database's tables, the generator gendb generate would use and why (gendb.yaml, column rule, detected concept, type), "
            + "with the constraints its values keep. Writes nothing. " + ExitCodes.Help)
        {
            db, include, exclude, rows, config, format,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            new InspectArguments
            {
                Db = result.GetValue(db),
                Include = result.GetValue(include),
                Exclude = result.GetValue(exclude),
                Rows = result.GetValue(rows),
                ConfigPath = result.GetValue(config),
                Format = result.GetValue(format) ?? "table",
            },
            host,
            cancellationToken));
        return command;
    }

    public static Task<int> RunAsync(InspectArguments arguments, CliHost host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(host);
        var run = new DirectRun("inspect", host);
        return run.GuardAsync(async () =>
        {
            DirectOptions.Validate(arguments.Rows, SyntheticNaming.DefaultScenario);
            var config = DirectRun.LoadConfig(arguments.ConfigPath);
            await using var connection = await run.ConnectAsync(arguments.Db, cancellationToken);
            var session = new NpgsqlSqlSession(connection);
            var context = new CommandContext { DefaultRows = config.DefaultRows, DefaultSeed = config.Seed, Profile = config.Profile };
            var plans = await DirectRun.InTransactionAsync(session, commit: false,
                () => PlanCommands.PlanAsync(session, arguments.Include, arguments.Exclude, arguments.Rows, SyntheticNaming.DefaultScenario, context, cancellationToken),
                cancellationToken);

            if (arguments.Format == "yaml")
            {
                await host.Out.WriteAsync(PlanYaml.Render(plans, config.Profile, $"{connection.UserName}@{connection.Host}:{connection.Port}/{connection.Database}"));
                await host.Out.FlushAsync(cancellationToken);
            }
            else
            {
                PlanView.Write(host.Console, plans);
            }

            if (plans.Count == 0)
            {
                await run.ReportAsync($"no table matches {arguments.Include ?? "*"}{(arguments.Exclude is null ? string.Empty : $" less {arguments.Exclude}")}");
            }

            return ExitCodes.Ok;
        }, cancellationToken);
    }
}
