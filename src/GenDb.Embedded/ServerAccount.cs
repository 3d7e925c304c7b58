namespace GenDb.Embedded;

/// <summary>
/// The operating-system account that owns the data directory and runs the server. PostgreSQL refuses
/// to run as root ("initdb: cannot be run as root"), so a root caller hands the cluster to the
/// <c>postgres</c> account through <c>runuser</c>; anyone else runs the tools directly.
/// </summary>
internal sealed class ServerAccount
{
    private const string RunUser = "runuser";

    private ServerAccount(string? switchTo) => SwitchTo = switchTo;

    /// <summary>The account to switch to, or null when the tools run as the current user.</summary>
    public string? SwitchTo { get; }

    public static ServerAccount Current() =>
        // Environment.IsPrivilegedProcess is geteuid() == 0 on Unix.
        new(Environment.IsPrivilegedProcess && !OperatingSystem.IsWindows() ? EmbeddedCluster.DefaultSuperUser : null);

    /// <summary>Builds the invocation of <paramref name="fileName"/>, as the server account.</summary>
    public ProcessInvocation Command(string fileName, string workingDirectory, params IEnumerable<string> arguments)
    {
        if (SwitchTo is null)
        {
            return new ProcessInvocation(fileName, [.. arguments]) { WorkingDirectory = workingDirectory };
        }

        return new ProcessInvocation(RunUser, ["-u", SwitchTo, "--", fileName, .. arguments])
        {
            // runuser keeps the caller's working directory, which the postgres account often cannot
            // enter (/root); the tools then warn "could not change directory".
            WorkingDirectory = workingDirectory,
        };
    }

    /// <summary>Gives <paramref name="directory"/> to the server account (a no-op unless switching).</summary>
    public async Task TakeOwnershipAsync(string directory, CancellationToken ct)
    {
        if (SwitchTo is null)
        {
            return;
        }

        var chown = new ProcessInvocation("chown", ["-R", SwitchTo, directory]);
        var result = await ChildProcess.RunAsync(chown, ct);
        if (result.ExitCode != 0)
        {
            throw new PostgresCommandException(chown.Display, result.ExitCode, result.StandardError, detail:
                $"PostgreSQL refuses to run as root, so GenDB runs the cluster as the '{SwitchTo}' account. " +
                $"Create it (`useradd --system --create-home {SwitchTo}`, or install the postgresql package, which does) or run GenDB as an ordinary user.");
        }
    }
}
