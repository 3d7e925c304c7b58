using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using GenDb.IntegrationTests.Infrastructure;

namespace GenDb.IntegrationTests.Cli;

/// <summary>The real <c>gendb</c> executable as a child process, as a user starts it.</summary>
public sealed partial class ServeProcessTests(PostgresFixture fixture)
{
    /// <summary>dotnet's own startup is most of this; it is generous for a loaded CI machine.</summary>
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(10);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Upstream => $"127.0.0.1:{fixture.Cluster.Port.ToString(CultureInfo.InvariantCulture)}";

    [GeneratedRegex(@"^GenDB listening on (?<listen>\S+), relaying to PostgreSQL at (?<upstream>\S+)$")]
    private static partial Regex ListeningLine();

    [Fact]
    public async Task Serve_OnFreePort_PrintsListeningLineAndRelaysPsql()
    {
        var port = ChildProcesses.FreeLoopbackPort();
        await using var serve = ChildProcesses.StartGendb(["serve", "--listen", $"127.0.0.1:{port}", "--upstream", Upstream, "--log-level", "warning"]);

        var line = await WaitForListeningAsync(serve);
        var psql = await ChildProcesses.PsqlAsync(port, PostgresFixture.Database, "-At", "-c", "select 42");

        Assert.Equal($"GenDB listening on 127.0.0.1:{port}, relaying to PostgreSQL at {Upstream}", line);
        Assert.True(psql.ExitCode == 0, psql.ToString());
        Assert.Equal("42\n", psql.StandardOutput);
    }

    [Fact]
    public async Task Serve_Sigterm_ExitsZeroAndStopsListening()
    {
        await using var serve = ChildProcesses.StartGendb(["serve", "--listen", "127.0.0.1:0", "--upstream", Upstream]);
        var endPoint = ListenEndPoint(await WaitForListeningAsync(serve));
        var before = await ChildProcesses.PsqlAsync(endPoint.Port, PostgresFixture.Database, "-At", "-c", "select 1");
        Assert.True(before.ExitCode == 0, before.ToString());

        await serve.SignalAsync("TERM", Ct);
        var outcome = await serve.WaitForExitAsync(ExitTimeout, Ct);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        using var client = new TcpClient();
        var refused = await Assert.ThrowsAnyAsync<SocketException>(async () => await client.ConnectAsync(endPoint, Ct));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
    }

    [Theory]
    [InlineData("--listen", "nonsense:xx")]
    [InlineData("--max-connections", "0")]
    public async Task Serve_BadArgument_ExitsSixtyFourNamingTheFlag(string flag, string value)
    {
        var outcome = await RunGendbAsync(["serve", flag, value, "--upstream", Upstream]);

        Assert.True(outcome.ExitCode == 64, outcome.ToString());
        Assert.Contains(flag, outcome.StandardError, StringComparison.Ordinal);
        Assert.Contains(value, outcome.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("GenDB listening", outcome.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_UpstreamNotListening_ClientGetsFatalNamingTheUpstream()
    {
        await using var serve = ChildProcesses.StartGendb(["serve", "--listen", "127.0.0.1:0", "--upstream", "127.0.0.1:1"]);
        var endPoint = ListenEndPoint(await WaitForListeningAsync(serve));

        var psql = await ChildProcesses.PsqlAsync(endPoint.Port, PostgresFixture.Database, "-c", "select 1");

        Assert.True(psql.ExitCode == 2, psql.ToString());
        Assert.Contains("FATAL:", psql.StandardError, StringComparison.Ordinal);
        Assert.Contains("could not connect to the PostgreSQL server at 127.0.0.1:1", psql.StandardError, StringComparison.Ordinal);
        Assert.False(serve.HasExited, serve.StandardError);
    }

    [Fact]
    public async Task Serve_UpstreamFromEnvironment_UsedWhenFlagMissing()
    {
        await using var serve = ChildProcesses.StartGendb(
            ["serve", "--listen", "127.0.0.1:0"],
            new Dictionary<string, string?> { ["GENDB_UPSTREAM"] = Upstream });

        var line = await WaitForListeningAsync(serve);
        var psql = await ChildProcesses.PsqlAsync(ListenEndPoint(line).Port, PostgresFixture.Database, "-At", "-c", "select current_user");

        Assert.EndsWith($"relaying to PostgreSQL at {Upstream}", line, StringComparison.Ordinal);
        Assert.True(psql.ExitCode == 0, psql.ToString());
        Assert.Equal($"{PostgresFixture.ScramUser}\n", psql.StandardOutput);
    }

    [Fact]
    public async Task Help_RootCommand_ListsServeAndDemo()
    {
        var outcome = await RunGendbAsync(["--help"]);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Matches(new Regex(@"^\s+serve\s", RegexOptions.Multiline), outcome.StandardOutput);
        Assert.Matches(new Regex(@"^\s+demo\s", RegexOptions.Multiline), outcome.StandardOutput);
    }

    [Fact]
    public async Task Version_RootCommand_PrintsSemanticVersion()
    {
        var outcome = await RunGendbAsync(["--version"]);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Matches(new Regex(@"^\d+\.\d+\.\d+"), outcome.StandardOutput);
    }

    private static async Task<ProcessOutcome> RunGendbAsync(string[] arguments)
    {
        await using var gendb = ChildProcesses.StartGendb(arguments);
        return await gendb.WaitForExitAsync(StartupTimeout, Ct);
    }

    private static Task<string> WaitForListeningAsync(StartedProcess serve) =>
        serve.WaitForOutputLineAsync(l => ListeningLine().IsMatch(l), StartupTimeout, Ct);

    private static IPEndPoint ListenEndPoint(string listeningLine) =>
        IPEndPoint.Parse(ListeningLine().Match(listeningLine).Groups["listen"].Value);
}
