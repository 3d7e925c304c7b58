using System.ComponentModel;
using System.Diagnostics;

namespace GenDb.Embedded;

/// <summary>The installed PostgreSQL server programs that an <see cref="EmbeddedCluster"/> runs.</summary>
public sealed class PostgresBinaries
{
    /// <summary>Names a directory that holds initdb, pg_ctl, postgres and psql; it wins over every other lookup.</summary>
    public const string BinDirectoryVariable = "GENDB_PG_BINDIR";

    internal const string InstallHint =
        "Install the PostgreSQL server, e.g. on Debian/Ubuntu: `apt-get update && apt-get install -y postgresql-15` " +
        "(or `postgresql` for the distribution's default version), on Fedora: `dnf install -y postgresql-server`, " +
        "on macOS: `brew install postgresql@15`. Or set " + BinDirectoryVariable + " to the directory that holds initdb.";

    private const string DebianRoot = "/usr/lib/postgresql";

    private static readonly string[] RequiredPrograms = ["initdb", "pg_ctl", "postgres", "psql"];

    private PostgresBinaries(string binDirectory)
    {
        BinDirectory = binDirectory;
        Initdb = Program(binDirectory, "initdb");
        PgCtl = Program(binDirectory, "pg_ctl");
        Postgres = Program(binDirectory, "postgres");
        Psql = Program(binDirectory, "psql");
    }

    public string BinDirectory { get; }

    public string Initdb { get; }

    public string PgCtl { get; }

    public string Postgres { get; }

    public string Psql { get; }

    /// <summary>
    /// Finds the binaries: the directory in <c>GENDB_PG_BINDIR</c> if set, else <c>pg_config --bindir</c>,
    /// else the newest <c>/usr/lib/postgresql/*/bin</c> (the Debian layout, which keeps them off PATH).
    /// </summary>
    /// <exception cref="PostgresNotInstalledException">None of those holds all four programs.</exception>
    public static PostgresBinaries Locate()
    {
        var explicitDirectory = Environment.GetEnvironmentVariable(BinDirectoryVariable);
        if (!string.IsNullOrWhiteSpace(explicitDirectory))
        {
            // An explicit choice is never second-guessed: falling back would hide a typo.
            return TryAt(explicitDirectory, out var missing)
                ?? throw new PostgresNotInstalledException(
                    $"{BinDirectoryVariable} is set to '{explicitDirectory}', which lacks {missing}. {InstallHint}");
        }

        var rejected = new List<string>();
        if (PgConfigBinDirectory(rejected) is { } configured)
        {
            if (TryAt(configured, out var missing) is { } found)
            {
                return found;
            }

            // Debian's libpq-dev ships pg_config without the server, so its answer can point to nothing.
            rejected.Add($"`pg_config --bindir` says '{configured}', which lacks {missing}");
        }

        foreach (var candidate in DebianBinDirectories())
        {
            if (TryAt(candidate, out var missing) is { } found)
            {
                return found;
            }

            rejected.Add($"'{candidate}' lacks {missing}");
        }

        if (!Directory.Exists(DebianRoot))
        {
            rejected.Add($"'{DebianRoot}' does not exist");
        }

        throw new PostgresNotInstalledException(
            $"PostgreSQL server binaries ({string.Join(", ", RequiredPrograms)}) were not found: {string.Join("; ", rejected)}. {InstallHint}");
    }

    private static PostgresBinaries? TryAt(string directory, out string missing)
    {
        var absent = RequiredPrograms.Where(p => !File.Exists(Program(directory, p))).ToList();
        missing = string.Join(", ", absent);
        return absent.Count == 0 ? new PostgresBinaries(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory))) : null;
    }

    private static string? PgConfigBinDirectory(List<string> rejected)
    {
        var info = new ProcessStartInfo("pg_config")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add("--bindir");
        try
        {
            using var process = Process.Start(info);
            if (process is null)
            {
                return null;
            }

            var stderr = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd().Trim();
            if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                process.Kill();
                rejected.Add("`pg_config --bindir` did not answer within 10 s");
                return null;
            }

            _ = stderr.Result;
            return process.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (Win32Exception)
        {
            rejected.Add("pg_config is not on PATH");
            return null;
        }
    }

    /// <summary>/usr/lib/postgresql/&lt;version&gt;/bin, newest version first.</summary>
    private static IEnumerable<string> DebianBinDirectories()
    {
        if (!Directory.Exists(DebianRoot))
        {
            return [];
        }

        return Directory.EnumerateDirectories(DebianRoot)
            .Select(d => (Directory: d, Version: ParseVersion(Path.GetFileName(d))))
            .Where(d => d.Version is not null)
            .OrderByDescending(d => d.Version)
            .Select(d => Path.Combine(d.Directory, "bin"));
    }

    private static Version? ParseVersion(string name) =>
        // Directories are named "15" or, before PostgreSQL 10, "9.6"; Version needs a minor part.
        Version.TryParse(name.Contains('.', StringComparison.Ordinal) ? name : name + ".0", out var version) ? version : null;

    private static string Program(string directory, string name) =>
        Path.Combine(directory, OperatingSystem.IsWindows() ? name + ".exe" : name);
}
