using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using GenDb.Embedded;
using GenDb.Proxy;
using GenDb.Proxy.Gendb;
using Microsoft.Extensions.Logging;

namespace GenDb.Cli;

/// <summary>
/// <c>gendb demo</c>: a throwaway PostgreSQL with a small shop database, the proxy in front of it,
/// and the command to connect; Ctrl-C removes it all.
/// </summary>
internal static class DemoCommand
{
    public const string DemoUser = "demo";
    public const string DemoPassword = "demo";
    public const string DemoDatabase = "shop";

    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port the proxy listens on.", DefaultValueFactory = _ => ServeSettings.DefaultListenPort };
        var logLevel = new Option<string?>("--log-level") { Description = "trace, debug, information, warning (default), error, critical or none." };
        var command = new Command("demo", "Start a throwaway PostgreSQL with a sample shop database and GenDB in front of it.") { port, logLevel };
        command.SetAction((result, cancellationToken) => RunAsync(result.GetValue(port), result.GetValue(logLevel) ?? "warning", cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(int port, string logLevel, CancellationToken cancellationToken)
    {
        if (!Logging.TryParseLevel(logLevel, out var level))
        {
            await Console.Error.WriteLineAsync($"gendb demo: --log-level '{logLevel}' is not a log level");
            return ExitCodes.Usage;
        }

        using var loggerFactory = Logging.Create(level);
        var logger = loggerFactory.CreateLogger("GenDb.Demo");

        Console.WriteLine("Starting a throwaway PostgreSQL cluster…");
        EmbeddedCluster cluster;
        try
        {
            cluster = await EmbeddedCluster.StartAsync(
                new ClusterOptions { Roles = [new ClusterRole(DemoUser, DemoPassword, PasswordMethod.ScramSha256)] },
                logger,
                cancellationToken);
        }
        catch (PostgresNotInstalledException ex)
        {
            await Console.Error.WriteLineAsync($"gendb demo: {ex.Message}");
            return ExitCodes.Unavailable;
        }

        await using (cluster)
        {
            await cluster.CreateDatabaseAsync(DemoDatabase, DemoUser, cancellationToken);
            await cluster.RunSqlAsync(EmbeddedCluster.LoadSample("shop"), DemoDatabase, cancellationToken);
            await cluster.RunSqlAsync(
                $"""
                ALTER SCHEMA public OWNER TO {DemoUser};
                DO $$ DECLARE r record; BEGIN
                  FOR r IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                           WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm') LOOP
                    -- Sequences owned by a column follow their table.
                    EXECUTE format('ALTER TABLE public.%I OWNER TO {DemoUser}', r.relname);
                  END LOOP;
                END $$;
                """,
                DemoDatabase,
                cancellationToken);

            var options = new ProxyOptions
            {
                Listen = new IPEndPoint(IPAddress.Loopback, port),
                Upstream = UpstreamEndpoint.Tcp(cluster.Host, cluster.Port),
            };
            await using var server = new ProxyServer(options, loggerFactory, GendbHooks.Factory());
            try
            {
                server.Start();
            }
            catch (SocketException ex)
            {
                await Console.Error.WriteLineAsync($"gendb demo: cannot listen on {options.Listen}: {ex.Message}. Try --port with another port.");
                return ExitCodes.Unavailable;
            }

            Console.WriteLine(Banner(cluster.Host, cluster.Port, server.LocalEndPoint));
            await ServeCommand.WaitForStopSignalAsync(cancellationToken);
            Console.WriteLine("Stopping…");
            await server.StopAsync();
        }

        return ExitCodes.Ok;
    }

    /// <summary>The direct connection to the demo's database, for <c>gendb generate</c> and <c>gendb inspect</c>.</summary>
    public static string DirectConnectionUri(string host, int port) =>
        $"postgresql://{DemoUser}:{DemoPassword}@{host}:{port.ToString(CultureInfo.InvariantCulture)}/{DemoDatabase}";

    /// <summary>
    /// What the demo prints once it runs: how to connect, then the first commands to try in the
    /// order that shows GenDB's point: generate, route, query, back to the real rows; then the
    /// same generation without the proxy, with this demo's own connection.
    /// </summary>
    public static string Banner(string postgresHost, int postgresPort, IPEndPoint listen)
    {
        ArgumentNullException.ThrowIfNull(listen);
        var direct = DirectConnectionUri(postgresHost, postgresPort);
        return $"""

            PostgreSQL {postgresHost}:{postgresPort} is running with the sample database "{DemoDatabase}"
            (customers, products, categories, orders, order_items, reviews).
            GenDB listens on {listen} and relays to it.

            Connect through GenDB:
              psql "postgresql://{DemoUser}:{DemoPassword}@{listen.Address}:{listen.Port}/{DemoDatabase}"

            Try, in that session:
              CALL gendb.generate_data(include => 'customers', rows => 500);  -- fills gendb_default__public.customers
              CALL gendb.return_generated(include => 'customers');             -- this session now reads the copy
              SELECT * FROM customers LIMIT 5;
              CALL gendb.return_actual(include => 'customers');                -- and the real rows again
              CALL gendb.help();

            Or without the proxy, from another terminal:
              gendb inspect --db "{direct}" --include customers
              gendb generate --db "{direct}" --include customers --rows 500

            An application connects the same way: only the host and port change.
            Press Ctrl-C to stop; the cluster and its files are removed.
            """;
    }
}
