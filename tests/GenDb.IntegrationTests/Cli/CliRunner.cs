using System.Text.RegularExpressions;
using GenDb.Cli;
using Spectre.Console.Testing;

namespace GenDb.IntegrationTests.Cli;

/// <summary>What a gendb command did in-process: its exit code, its output and its messages.</summary>
internal sealed record CliOutcome(int ExitCode, string Output, string Error)
{
    /// <summary>Used as an assertion message: a failed check shows what the command said.</summary>
    public override string ToString() => $"exit code {ExitCode}\n--- output ---\n{Output}\n--- error ---\n{Error}";
}

/// <summary>
/// Runs <c>gendb</c> command lines in this process, parser and all, against a
/// <see cref="TestConsole"/>: not a terminal by default (plain lines, as in a pipe), or one with
/// <c>terminal: true</c> (progress bars). The environment is only what the test gives.
/// </summary>
internal static partial class CliRunner
{
    public static async Task<CliOutcome> RunAsync(string[] args, bool terminal = false, IReadOnlyDictionary<string, string?>? environment = null, CancellationToken? cancellationToken = null)
    {
        using var console = new TestConsole().Width(200);
        if (terminal)
        {
            console.Interactive().EmitAnsiSequences();
        }

        using var error = new StringWriter();
        var variables = environment ?? new Dictionary<string, string?>();
        var host = new CliHost(console, error, name => variables.GetValueOrDefault(name));
        var exitCode = await GendbCli.RunAsync(args, host, terminationTimeout: null, cancellationToken ?? TestContext.Current.CancellationToken);
        return new CliOutcome(exitCode, console.Output, error.ToString());
    }

    /// <summary>The text a terminal would show, without the escape sequences that colour it and move the cursor.</summary>
    public static string WithoutAnsi(string text) => AnsiSequence().Replace(text, string.Empty);

    [GeneratedRegex(@"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")]
    private static partial Regex AnsiSequence();
}
