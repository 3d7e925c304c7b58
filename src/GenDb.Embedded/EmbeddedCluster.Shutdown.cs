using System.Diagnostics;
using System.Globalization;

namespace GenDb.Embedded;

/// <summary>Stopping the server and removing its directory, from DisposeAsync or from the process-exit hook.</summary>
public sealed partial class EmbeddedCluster
{
    /// <summary>
    /// Stops the server (<c>pg_ctl stop -m fast</c>, then <c>-m immediate</c>, then killing the postmaster)
    /// and deletes the temporary directory. Safe to call more than once.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        await StopServerAsync(immediately: false, CancellationToken.None);
        RemoveDirectory();
    }

    private void OnProcessExit(object? sender, EventArgs e)
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Log.StoppingAtProcessExit(_logger, _rootDirectory);

        // The process is going away: no client deserves a clean goodbye, and the runtime will not wait long.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            StopServerAsync(immediately: true, timeout.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            // Nothing more can be done from a dying process; the directory is still removed below.
        }

        RemoveDirectory();
    }

    /// <summary>Escalates until the postmaster is gone; never throws except on cancellation.</summary>
    private async Task StopServerAsync(bool immediately, CancellationToken ct)
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return;
        }

        Log.ClusterStopping(_logger, Port);
        string[] modes = immediately ? ["immediate"] : ["fast", "immediate"];
        foreach (var mode in modes)
        {
            try
            {
                await RunCheckedAsync(ServerCommand(_binaries.PgCtl, ["-D", DataDirectory, "-m", mode, "-w", "-t", "30", "stop"]), ct);
                return;
            }
            catch (PostgresCommandException ex)
            {
                Log.StopFailed(_logger, mode, ex);
            }
        }

        KillPostmaster(pidFile);
    }

    private void KillPostmaster(string pidFile)
    {
        // postmaster.pid: the first line is the postmaster's process id
        // (https://www.postgresql.org/docs/current/storage-file-layout.html).
        string? firstLine;
        try
        {
            firstLine = File.ReadLines(pidFile).FirstOrDefault();
        }
        catch (IOException)
        {
            return;
        }

        if (!int.TryParse(firstLine, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            return;
        }

        try
        {
            using var postmaster = Process.GetProcessById(pid);
            postmaster.Kill(entireProcessTree: true);
            postmaster.WaitForExit(TimeSpan.FromSeconds(10));
            Log.PostmasterKilled(_logger, pid);
        }
        catch (ArgumentException)
        {
            // No such process: it exited after all.
        }
        catch (InvalidOperationException)
        {
            // Exited between the lookup and the kill.
        }
    }

    private void RemoveDirectory()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (Directory.Exists(_rootDirectory))
                {
                    Directory.Delete(_rootDirectory, recursive: true);
                }

                Log.ClusterStopped(_logger, _rootDirectory);
                return;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                if (attempt == 3)
                {
                    Log.DirectoryNotRemoved(_logger, _rootDirectory, ex);
                    return;
                }

                // A backend that is still exiting can create or hold a file for a moment.
                Thread.Sleep(TimeSpan.FromMilliseconds(200));
            }
        }
    }
}
