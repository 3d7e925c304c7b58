using System.CommandLine;
using GenDb.Commands.Configuration;
using GenDb.Commands.Execution;
using GenDb.Commands.Generation;
using GenDb.Protocol;
using GenDb.Schema.Synthetic;
using GenDb.Sql;
using GenDb.Sql.Npgsql;

namespace GenDb.Cli;

/// <summary>
/// <c>gendb config check [FILE] [--db CONNINFO]</c>: is gendb.yaml well formed, and, given a
/// database, can every table it names be generated as it asks?
/// </summary>
internal static class ConfigCommand
{
    public static Command Create(CliHost host)
    {
        var file = new Argument<string?>("FILE")
        {
            Description = $"The file to check (default: {GendbConfig.FileName} in the current directory, else next to gendb, as gendb serve finds it).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var db = DirectOptions.Db();
        db.Description = "Also plan every table the file names against this database, which finds overrides it cannot keep "
            + "(a one_of value a CHECK refuses, a pattern longer than the column). " + db.Description;

        var check = new Command("check",
            "Read gendb.yaml and report 'ok: N tables, M column rules' or the first mistake as file:line:column. "
            + "Exit codes: 0 ok; 64 the file is wrong or missing; 65 with --db, an override the database cannot keep; 69 cannot connect; 1 anything else.")
        {
            file, db,
        };
        check.SetAction((result, cancellationToken) => CheckAsync(result.GetValue(file), result.GetValue(db), host, cancellationToken));

        return new Command("config", "Work with gendb.yaml.") { check };
    }

    public static Task<int> CheckAsync(string? file, string? db, CliHost host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var run = new DirectRun("config check", host);
        return run.GuardAsync(async () =>
        {
            var path = file ?? ServeCommand.FindConfig()
                ?? throw new UsageException($"no {GendbConfig.FileName} in {Environment.CurrentDirectory} or {AppContext.BaseDirectory}; name the file: gendb config check FILE");
            var config = GendbConfig.Load(path);
            var profile = config.Profile;
            await host.Out.WriteLineAsync(
                $"ok: {Count(profile.Tables.Count, "table")}, {Count(profile.ColumnRules.Count, "column rule")} ({path})");
            if (db is null)
            {
                return ExitCodes.Ok;
            }

            await using var connection = await run.ConnectAsync(db, cancellationToken);
            var session = new NpgsqlSqlSession(connection);
            var context = new CommandContext { DefaultRows = config.DefaultRows, DefaultSeed = config.Seed, Profile = profile };
            var problems = 0;
            foreach (var table in profile.Tables)
            {
                // A bare name in gendb.yaml means the table in any schema, not only on search_path as in include =>.
                var include = table.Name.Contains('.', StringComparison.Ordinal) ? table.Name : $"*.{table.Name}";

                // Each table on its own: one impossible override must not hide the next.
                try
                {
                    var plans = await DirectRun.InTransactionAsync(session, commit: false,
                        () => PlanCommands.PlanAsync(session, include, null, null, SyntheticNaming.DefaultScenario, context, cancellationToken),
                        cancellationToken);
                    foreach (var plan in plans)
                    {
                        var overridden = plan.Columns.Count(c => table.Columns.ContainsKey(c.Name));
                        await host.Out.WriteLineAsync($"{plan.Table}: ok ({Count(plan.Columns.Count, "column")}, {overridden} set in {GendbConfig.FileName})");
                    }
                }
                catch (GendbCommandException ex) when (ex.Error.SqlState == SqlState.UndefinedTable)
                {
                    problems++;
                    await run.ReportAsync($"{table.Where?.ToString() ?? path}: table '{table.Name}' is not in the database {connection.Database}");
                }
                catch (Exception ex) when (ex is GendbCommandException or SqlErrorException)
                {
                    problems++;
                    await run.ReportAsync(ex is GendbCommandException command ? command.Error : ((SqlErrorException)ex).Error);
                }
            }

            if (problems > 0)
            {
                await run.ReportAsync($"{Count(problems, "problem")} in {path}");
                return ExitCodes.DataError;
            }

            await host.Out.WriteLineAsync($"ok: every table in {path} plans against {connection.Database}");
            return ExitCodes.Ok;
        }, cancellationToken);
    }

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? string.Empty : "s")}";
}
