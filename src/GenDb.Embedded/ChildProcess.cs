using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace GenDb.Embedded;

/// <summary>One run of an external program: the file, its arguments and what to feed it on stdin.</summary>
internal sealed record ProcessInvocation(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>Written to stdin as UTF-8 (no BOM), then stdin is closed; null leaves stdin untouched.</summary>
    public string? StandardInput { get; init; }

    public string? WorkingDirectory { get; init; }

    /// <summary>The command as a reader would type it, for logs and exception messages.</summary>
    public string Display => string.Join(' ', Arguments.Prepend(FileName).Select(Quote));

    private static string Quote(string argument)
    {
        if (argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or '=' or ':' or ',' or '@' or '%' or '+'))
        {
            return argument;
        }

        // Double quotes read better around a conninfo string full of single quotes.
        return argument.Any(c => c is '"' or '\\' or '$' or '`' or '!')
            ? "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'"
            : "\"" + argument + "\"";
    }
}

internal readonly record struct ProcessResult(int ExitCode, string StandardOutput, string StandardError);

/// <summary>
/// Runs PostgreSQL's command-line tools. Arguments go through <see cref="ProcessStartInfo.ArgumentList"/>,
/// never through a shell, so a database name or password cannot change the command.
/// </summary>
internal static class ChildProcess
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Runs the command and throws <see cref="PostgresCommandException"/> when it exits non-zero.</summary>
    public static async Task<ProcessResult> RunCheckedAsync(ProcessInvocation invocation, CancellationToken ct)
    {
        var result = await RunAsync(invocation, ct);
        if (result.ExitCode != 0)
        {
            throw new PostgresCommandException(invocation.Display, result.ExitCode, result.StandardError);
        }

        return result;
    }

    /// <summary>Runs the command to completion; on cancellation the whole process tree is killed.</summary>
    public static async Task<ProcessResult> RunAsync(ProcessInvocation invocation, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        using var process = new Process { StartInfo = CreateStartInfo(invocation) };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new PostgresCommandException(invocation.Display, exitCode: null, ex.Message, ex);
        }

        // Both pipes are drained concurrently: a child that fills stderr while we wait on stdout would
        // otherwise block forever.
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            if (invocation.StandardInput is { } input)
            {
                await WriteStandardInputAsync(process, input, ct);
            }

            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            KillTree(process);
            throw;
        }

        return new ProcessResult(process.ExitCode, await stdout, await stderr);
    }

    private static async Task WriteStandardInputAsync(Process process, string input, CancellationToken ct)
    {
        // Bytes go straight to the pipe: the StreamWriter above it would keep whatever a failed write left
        // in its buffer and throw again when the process is disposed.
        var stdin = process.StandardInput.BaseStream;
        try
        {
            await stdin.WriteAsync(Utf8NoBom.GetBytes(input), ct);
        }
        catch (IOException)
        {
            // The child exited without reading all of stdin (psql stops at the first error with
            // ON_ERROR_STOP); its exit code and stderr say what happened.
        }
        finally
        {
            stdin.Close();
        }
    }

    private static ProcessStartInfo CreateStartInfo(ProcessInvocation invocation)
    {
        var info = new ProcessStartInfo(invocation.FileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = invocation.StandardInput is not null,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            StandardInputEncoding = invocation.StandardInput is not null ? Utf8NoBom : null,
            WorkingDirectory = invocation.WorkingDirectory ?? string.Empty,
        };
        foreach (var argument in invocation.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // libpq and the server tools read PGHOST, PGPORT, PGDATABASE, PGOPTIONS, PGDATA ... from the
        // environment; a developer's settings must not redirect the throwaway cluster's commands.
        var inherited = info.Environment.Keys.Where(k => k.StartsWith("PG", StringComparison.Ordinal)).ToList();
        foreach (var key in inherited)
        {
            info.Environment.Remove(key);
        }

        // The sample data is UTF-8; without this psql derives the client encoding from the caller's locale.
        info.Environment["PGCLIENTENCODING"] = "UTF8";
        return info;
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }
}
