using System.CommandLine;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using GenDb.Commands.Configuration;
using GenDb.Proxy;
using GenDb.Proxy.Gendb;
using GenDb.Schema.Synthetic;

namespace GenDb.Cli;

/// <summary><c>gendb serve</c>: the proxy in front of a real server, until SIGINT or SIGTERM.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var listen = new Option<string?>("--listen") { Description = "Address to accept clients on, HOST:PORT (default 127.0.0.1:5433; env GENDB_LISTEN)." };
        var upstream = new Option<string?>("--upstream") { Description = "The PostgreSQL server: HOST:PORT, postgres://HOST:PORT, or a Unix socket directory (default from PGHOST/PGPORT, else 127.0.0.1:5432; env GENDB_UPSTREAM)." };
        var port = new Option<int?>("--port") { Description = "Port to listen on (overrides the port of --listen)." };
        var dbHostname = new Option<string?>("--db-hostname") { Description = "Host of the PostgreSQL server (overrides the host of --upstream)." };
        var dbPort = new Option<int?>("--db-port") { Description = "Port of the PostgreSQL server (overrides the port of --upstream)." };
        var maxConnections = new Option<int?>("--max-connections") { Description = "Sessions relayed at once; one more gets FATAL 53300 (default 1000)." };
        var logLevel = new Option<string?>("--log-level") { Description = "trace, debug, information (default), warning, error, critical or none." };
        var config = new Option<string?>("--config") { Description = $"gendb.yaml to read (default: {GenDb.Commands.Configuration.GendbConfig.FileName} in the current directory, else next to gendb)." };
        var route = new Option<string[]>("--route") { Description = "Tables every session sees synthetic data for, as soon as it connects (a gendb include pattern, e.g. 'users,orders'); may be repeated.", AllowMultipleArgumentsPerToken = false };

        var command = new Command("serve", "Relay PostgreSQL clients to the real server, answering CALL gendb.* statements itself.")
        {
            listen, upstream, port, dbHostname, dbPort, maxConnections, logLevel, route, config,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            new ServeArguments
            {
                Listen = result.GetValue(listen),
                Upstream = result.GetValue(upstream),
                Port = result.GetValue(port),
                DbHostname = result.GetValue(dbHostname),
                DbPort = result.GetValue(dbPort),
                MaxConnections = result.GetValue(maxConnections),
                LogLevel = result.GetValue(logLevel),
                Routes = result.GetValue(route) ?? [],
                ConfigPath = result.GetValue(config),
            },
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ServeArguments arguments, CancellationToken cancellationToken)
    {
        if (!ServeSettings.TryResolve(arguments, Environment.GetEnvironmentVariable, out var options, out var level, out var error))
        {
            await Console.Error.WriteLineAsync($"gendb serve: {error}");
            return ExitCodes.Usage;
        }

        using var loggerFactory = Logging.Create(level);
        GendbConfig configuration;
        try
        {
            configuration = LoadConfig(arguments.ConfigPath);
        }
        catch (GendbConfigException ex)
        {
            await Console.Error.WriteLineAsync($"gendb serve: {ex.Message}");
            return ExitCodes.Usage;
        }

        var routes = new ProxyRoutes(configuration.Routes.Select(r => new ProxyRoute(r.Include, r.Exclude, r.Scenario))
            .Concat(arguments.Routes.Select(r => new ProxyRoute(r, null, GenDb.Schema.Synthetic.SyntheticNaming.DefaultScenario))));
        await using var server = new ProxyServer(options, loggerFactory, GendbHooks.Factory(routes, defaults: new GenDb.Commands.Execution.CommandContext { DefaultRows = configuration.DefaultRows, DefaultSeed = configuration.Seed, Profile = configuration.Profile }));
        try
        {
            server.Start();
        }
        catch (SocketException ex)
        {
            await Console.Error.WriteLineAsync($"gendb serve: cannot listen on {options.Listen}: {ex.Message}");
            return ExitCodes.Unavailable;
        }

        Console.WriteLine($"GenDB listening on {server.LocalEndPoint}, relaying to PostgreSQL at {options.Upstream}");
        await WaitForStopSignalAsync(cancellationToken);
        await server.StopAsync();
        return ExitCodes.Ok;
    }

    /// <summary>The file given, else gendb.yaml in the current directory, else next to gendb, else none.</summary>
    internal static GendbConfig LoadConfig(string? path) =>
        (path ?? FindConfig()) is { } file ? GendbConfig.Load(file) : GendbConfig.Empty;

    /// <summary>gendb.yaml in the current directory, else next to gendb, else null.</summary>
    internal static string? FindConfig() =>
        new[] { Path.Combine(Environment.CurrentDirectory, GendbConfig.FileName), Path.Combine(AppContext.BaseDirectory, GendbConfig.FileName) }
            .FirstOrDefault(File.Exists);

    /// <summary>Completes on SIGINT or SIGTERM (or when the host's token fires).</summary>
    public static async Task WaitForStopSignalAsync(CancellationToken cancellationToken)
    {
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.TrySetResult();
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        using var registration = cancellationToken.Register(() => stop.TrySetResult());
        await stop.Task;
    }
}

/// <summary>
/// What <c>gendb</c> exits with, for scripts: the sysexits.h codes where one fits, and the shell's
/// 128 + SIGINT for an interrupted run.
/// <list type="table">
/// <item><term>0</term><description>done</description></item>
/// <item><term>1</term><description>anything else (a bug, an unexpected error)</description></item>
/// <item><term>64</term><description>bad arguments (an <c>--include</c> that matches no table too), a bad <c>--db</c>, or a gendb.yaml mistake (reported as file:line:column)</description></item>
/// <item><term>65</term><description>generation or planning failed on the data: a constraint, an impossible override (SQLSTATE, message and hint are printed)</description></item>
/// <item><term>69</term><description>cannot connect to PostgreSQL (or the connection was lost), or cannot listen</description></item>
/// <item><term>130</term><description>interrupted by Ctrl-C: the running statement was cancelled and the work rolled back</description></item>
/// </list>
/// </summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;

    /// <summary>Bad command-line arguments or configuration (sysexits EX_USAGE).</summary>
    public const int Usage = 64;

    /// <summary>The input data was wrong: generation or a plan failed on the database's constraints (sysexits EX_DATAERR).</summary>
    public const int DataError = 65;

    /// <summary>A needed service or port is not available (sysexits EX_UNAVAILABLE).</summary>
    public const int Unavailable = 69;

    /// <summary>Stopped by SIGINT (128 + 2, as shells report it).</summary>
    public const int Interrupted = 130;

    /// <summary>The exit codes of the direct-mode commands, for their <c>--help</c>.</summary>
    public const string Help =
        "Exit codes: 0 done; 64 bad arguments (an --include matching no table too), --db or gendb.yaml (file:line:column); 65 generation failed on the data (SQLSTATE, message, hint); 69 cannot connect; 130 interrupted (Ctrl-C rolls back); 1 anything else.";
}
