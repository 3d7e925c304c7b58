using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GenDb.IntegrationTests.Infrastructure;

/// <summary>How a child process ended, with everything it wrote.</summary>
public sealed record ProcessOutcome(int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed)
{
    /// <summary>Used as an assertion message: a failed check shows what the program said.</summary>
    public override string ToString() =>
        $"exit code {ExitCode} after {Elapsed.TotalMilliseconds:F0} ms\n--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}";
}

/// <summary>
/// A program started by a test: both output streams are captured as they arrive, every wait is
/// bounded, and <see cref="DisposeAsync"/> kills it (with its children) if it is still running.
/// </summary>
public sealed class StartedProcess : IAsyncDisposable
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    private readonly Process _process;
    private readonly Stopwatch _clock;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Task _stdoutPump;
    private readonly Task _stderrPump;

    private StartedProcess(Process process)
    {
        _process = process;
        _clock = Stopwatch.StartNew();
        _stdoutPump = PumpAsync(process.StandardOutput, _stdout);
        _stderrPump = PumpAsync(process.StandardError, _stderr);
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string StandardOutput => Snapshot(_stdout);

    public string StandardError => Snapshot(_stderr);

    /// <summary>
    /// Starts <paramref name="fileName"/> without a shell. Inherited <c>PG*</c> and <c>GENDB_*</c>
    /// variables are removed so a developer's settings cannot redirect the test; <paramref name="environment"/>
    /// is applied after that (a null value removes the variable).
    /// </summary>
    public static StartedProcess Start(
        string fileName,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null,
        string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var inherited = info.Environment.Keys
            .Where(k => k.StartsWith("PG", StringComparison.Ordinal) || k.StartsWith("GENDB_", StringComparison.Ordinal))
            .ToList();
        foreach (var key in inherited)
        {
            info.Environment.Remove(key);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}.");

        // Nothing is ever typed: a program that reads stdin sees end of file instead of waiting.
        process.StandardInput.Close();
        return new StartedProcess(process);
    }

    /// <summary>Waits until stdout holds a line matching <paramref name="predicate"/> and returns it.</summary>
    /// <exception cref="TimeoutException">No such line within <paramref name="timeout"/>, or the process exited first.</exception>
    public async Task<string> WaitForOutputLineAsync(Func<string, bool> predicate, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = _clock.Elapsed + timeout;
        while (true)
        {
            var exited = _process.HasExited;
            if (exited)
            {
                await DrainAsync();
            }

            var line = StandardOutput.Split('\n').FirstOrDefault(l => predicate(l.TrimEnd('\r')));
            if (line is not null)
            {
                return line.TrimEnd('\r');
            }

            if (exited || _clock.Elapsed > deadline)
            {
                throw new TimeoutException(
                    $"No matching output line {(exited ? "before the process exited" : $"within {timeout}")}.\n--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}");
            }

            await Task.Delay(20, ct);
        }
    }

    /// <summary>Waits for the process to end; if it has not within <paramref name="timeout"/>, kills it and throws.</summary>
    public async Task<ProcessOutcome> WaitForExitAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            Kill();
            await DrainAsync();
            throw new TimeoutException(
                $"{_process.StartInfo.FileName} did not exit within {timeout} and was killed.\n--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}");
        }

        var elapsed = _clock.Elapsed;
        await DrainAsync();
        return new ProcessOutcome(_process.ExitCode, StandardOutput, StandardError, elapsed);
    }

    /// <summary>Sends a POSIX signal, e.g. <c>INT</c> or <c>TERM</c>, through <c>kill(1)</c>.</summary>
    public async Task SignalAsync(string signal, CancellationToken ct)
    {
        // .NET can only send SIGKILL (Process.Kill); kill(1) avoids an unsafe P/Invoke for the rest.
        await using var kill = Start("kill", ["-s", signal, Id.ToString(CultureInfo.InvariantCulture)]);
        var outcome = await kill.WaitForExitAsync(TimeSpan.FromSeconds(10), ct);
        if (outcome.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -s {signal} {Id} failed: {outcome}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await DrainAsync();
        _process.Dispose();
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(DrainTimeout);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
    }

    private async Task DrainAsync()
    {
        try
        {
            await Task.WhenAll(_stdoutPump, _stderrPump).WaitAsync(DrainTimeout);
        }
        catch (TimeoutException)
        {
            // A grandchild may still hold the pipe open; what arrived so far is what we report.
        }
    }

    private static async Task PumpAsync(StreamReader reader, StringBuilder sink)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), CancellationToken.None)) > 0)
        {
            lock (sink)
            {
                sink.Append(buffer, 0, read);
            }
        }
    }

    private static string Snapshot(StringBuilder sink)
    {
        lock (sink)
        {
            return sink.ToString();
        }
    }
}

/// <summary>Runs the command-line programs the tests drive: psql, pgbench and gendb itself.</summary>
public static class ChildProcesses
{
    /// <summary>Long enough for a loaded machine, short enough that a hang fails the test rather than the run.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    /// <summary>Runs a program to completion, killing it if it takes longer than <paramref name="timeout"/>.</summary>
    public static async Task<ProcessOutcome> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null,
        string? workingDirectory = null)
    {
        await using var process = StartedProcess.Start(fileName, arguments, environment, workingDirectory);
        return await process.WaitForExitAsync(timeout ?? DefaultTimeout, TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// The arguments psql gets in every test: no psqlrc, stop on the first error, TCP to 127.0.0.1,
    /// then <paramref name="more"/>.
    /// </summary>
    public static string[] PsqlArguments(int port, string user, string database, params string[] more) =>
        ["-X", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-U", user, "-d", database, .. more];

    /// <summary>The environment for libpq programs: the password, UTF-8, and never a password prompt.</summary>
    public static Dictionary<string, string?> LibpqEnvironment(string? password) => new()
    {
        ["PGPASSWORD"] = password,
        ["PGCLIENTENCODING"] = "UTF8",
        ["PGCONNECT_TIMEOUT"] = "15",
    };

    /// <summary>psql as <see cref="PostgresFixture.ScramUser"/> against 127.0.0.1:<paramref name="port"/>.</summary>
    public static Task<ProcessOutcome> PsqlAsync(int port, string database, params string[] arguments) =>
        RunAsync("psql", PsqlArguments(port, PostgresFixture.ScramUser, database, arguments), LibpqEnvironment(PostgresFixture.ScramPassword));

    /// <summary>
    /// Path of the <c>gendb</c> executable's entry assembly, copied next to the tests because the test
    /// project references GenDb.Cli.
    /// </summary>
    public static string GendbAssembly
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, "gendb.dll");
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"gendb.dll is not in the test output folder {AppContext.BaseDirectory}; build GenDb.Cli.", path);
            }

            return path;
        }
    }

    /// <summary>The dotnet host that runs the tests, so the CLI runs on the same runtime.</summary>
    public static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>Starts <c>dotnet gendb.dll <paramref name="arguments"/></c>.</summary>
    public static StartedProcess StartGendb(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null) =>
        StartedProcess.Start(DotnetHost, [GendbAssembly, .. arguments], environment);

    /// <summary>A loopback port that nothing listens on at the moment of the call.</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
