using Spectre.Console;

namespace GenDb.Cli;

/// <summary>
/// What a direct-mode command uses of the process it runs in: the terminal (or pipe) for its
/// output, standard error for its messages, and the environment for libpq's variables. Tests give
/// a <c>TestConsole</c>, a <see cref="StringWriter"/> and a dictionary.
/// </summary>
internal sealed record CliHost(IAnsiConsole Console, TextWriter Error, Func<string, string?> Environment)
{
    /// <summary>
    /// The process's own: Spectre finds out whether standard output is a terminal that takes ANSI
    /// (progress bars) or a pipe, a file or CI (plain lines).
    /// </summary>
    public static CliHost FromProcess()
    {
        var console = AnsiConsole.Console;
        if (System.Console.IsOutputRedirected)
        {
            // Spectre assumes 80 columns for a pipe or a file, which wraps inspect's tables into
            // unreadable slivers; a file has no width to keep to.
            console.Profile.Width = RedirectedWidth;
        }

        return new(console, System.Console.Error, System.Environment.GetEnvironmentVariable);
    }

    /// <summary>Columns of output written to a pipe or a file.</summary>
    public const int RedirectedWidth = 200;

    /// <summary>Where plain text goes unchanged: no markup, no wrapping at the console's width (scripts read these lines).</summary>
    public TextWriter Out => Console.Profile.Out.Writer;
}
