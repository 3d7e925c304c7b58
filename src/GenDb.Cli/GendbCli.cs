using System.CommandLine;
using System.CommandLine.Parsing;

namespace GenDb.Cli;

/// <summary>The <c>gendb</c> command line: every command, how arguments are parsed, and what a parse error exits with.</summary>
internal static class GendbCli
{
    /// <summary>
    /// How long Ctrl-C waits for a command to cancel its statement and roll back before the
    /// process ends anyway (System.CommandLine's default is 2 s, short for a ROLLBACK under load).
    /// </summary>
    public static readonly TimeSpan TerminationTimeout = TimeSpan.FromSeconds(10);

    public static RootCommand CreateRoot(CliHost host)
    {
        var root = new RootCommand("GenDB: a PostgreSQL proxy that switches, table by table and session by session, between real and synthetic data.");
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(GenerateCommand.Create(host));
        root.Subcommands.Add(InspectCommand.Create(host));
        root.Subcommands.Add(ConfigCommand.Create(host));
        return root;
    }

    /// <summary>
    /// Parses <paramref name="args"/> and runs the command. A parse error (an unknown option, a
    /// value of the wrong type or not among the allowed ones) is a usage error, exit 64, like every
    /// other mistake in the arguments. <paramref name="terminationTimeout"/> null leaves SIGINT and
    /// SIGTERM alone (tests cancel through <paramref name="cancellationToken"/>).
    /// </summary>
    public static async Task<int> RunAsync(string[] args, CliHost host, TimeSpan? terminationTimeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var parsed = CreateRoot(host).Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await host.Error.WriteLineAsync($"gendb: {error.Message}");
            }

            await host.Error.WriteLineAsync($"Run '{CommandLine(parsed.CommandResult)} --help' for usage.");
            return ExitCodes.Usage;
        }

        return await parsed.InvokeAsync(
            new InvocationConfiguration { Output = host.Out, Error = host.Error, ProcessTerminationTimeout = terminationTimeout },
            cancellationToken);
    }

    /// <summary><c>gendb config check</c>: the command's words as the user types them (the root's own name is the host's, e.g. testhost).</summary>
    private static string CommandLine(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result; r is CommandResult command; r = command.Parent)
        {
            names.Add(command.Command is RootCommand ? "gendb" : command.Command.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }
}
