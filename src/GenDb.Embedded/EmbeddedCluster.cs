using System.Data.Common;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GenDb.Embedded;

/// <summary>
/// A private PostgreSQL cluster in a temporary directory, listening on 127.0.0.1 only, started from the
/// installed binaries and removed again by <see cref="DisposeAsync"/>. The superuser <c>postgres</c> is
/// trusted without a password from 127.0.0.1 and the unix socket; every other role needs its password.
/// </summary>
public sealed partial class EmbeddedCluster : IAsyncDisposable
{
    internal const string DefaultSuperUser = "postgres";

    private const string LoopbackAddress = "127.0.0.1";
    private const string SampleResourcePrefix = "GenDb.Embedded.Samples.";
    private const int MaxPortAttempts = 5;

    private readonly PostgresBinaries _binaries;
    private readonly ServerAccount _account;
    private readonly ClusterOptions _options;
    private readonly ILogger _logger;
    private readonly string _rootDirectory;

    // 0 while running, 1 once DisposeAsync or the process-exit hook has claimed the shutdown.
    private int _disposed;

    private EmbeddedCluster(PostgresBinaries binaries, ServerAccount account, ClusterOptions options, ILogger logger)
    {
        _binaries = binaries;
        _account = account;
        _options = options;
        _logger = logger;

        // Created with mode 0700 on Unix; the name is gendb-pg-<random>.
        _rootDirectory = Directory.CreateTempSubdirectory("gendb-pg-").FullName;
        DataDirectory = Path.Combine(_rootDirectory, "data");

        // A test host that crashes or forgets DisposeAsync must not leave a postmaster running forever.
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <summary>Always <c>127.0.0.1</c>: the cluster never listens on another interface.</summary>
    public string Host => LoopbackAddress;

    public int Port { get; private set; }

    /// <summary><c>postgres</c>, trusted without a password from 127.0.0.1 and the unix socket.</summary>
    public string SuperUser => DefaultSuperUser;

    public string DataDirectory { get; }

    /// <summary>Where the server puts its unix socket (<c>.s.PGSQL.&lt;port&gt;</c>): the cluster's temporary directory.</summary>
    public string SocketDirectory => _rootDirectory;

    private string ServerLogPath => Path.Combine(_rootDirectory, "server.log");

    /// <summary>
    /// Creates, configures and starts a cluster, then creates <see cref="ClusterOptions.Roles"/>. On any
    /// failure the half-built cluster is stopped and its directory removed before the exception surfaces.
    /// </summary>
    /// <exception cref="PostgresNotInstalledException">The server binaries are not installed.</exception>
    /// <exception cref="PostgresCommandException">initdb, pg_ctl or psql failed; the message holds their stderr and the server log.</exception>
    public static async Task<EmbeddedCluster> StartAsync(ClusterOptions options, ILogger? logger = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ValidateOptions(options);
        var binaries = PostgresBinaries.Locate();
        var cluster = new EmbeddedCluster(binaries, ServerAccount.Current(), options, logger ?? NullLogger.Instance);
        try
        {
            await cluster.InitializeAsync(ct);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>An Npgsql connection string, e.g. <c>Host=127.0.0.1;Port=54321;Username=postgres;Database=postgres</c>.</summary>
    /// <param name="database">The database to connect to.</param>
    /// <param name="user">The role; null means <see cref="SuperUser"/>.</param>
    /// <param name="password">Included only when not null.</param>
    public string ConnectionString(string database = "postgres", string? user = null, string? password = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(database);

        // The builder quotes values that hold ';', '=' or quotes, which string concatenation would not.
        var builder = new DbConnectionStringBuilder
        {
            ["Host"] = Host,
            ["Port"] = Port,
            ["Username"] = user ?? SuperUser,
            ["Database"] = database,
        };
        if (password is not null)
        {
            builder["Password"] = password;
        }

        return builder.ConnectionString;
    }

    /// <summary>
    /// Runs <paramref name="sql"/> through <c>psql -v ON_ERROR_STOP=1 -X -q -At</c> as the superuser,
    /// stopping at the first error.
    /// </summary>
    /// <returns>psql's stdout: one line per row, columns separated by '|', without the final line break.</returns>
    /// <exception cref="PostgresCommandException">A statement failed; the message holds psql's stderr.</exception>
    public async Task<string> RunSqlAsync(string sql, string database = "postgres", CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentException.ThrowIfNullOrEmpty(database);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);

        var result = await RunCheckedAsync(Psql(database) with { StandardInput = sql }, ct);
        var output = result.StandardOutput;
        return output.EndsWith('\n') ? output[..^1] : output;
    }

    /// <summary>
    /// Runs a SQL script file through psql like <see cref="RunSqlAsync"/>. The file is read by this
    /// process and sent on psql's stdin, because the server account may not be able to read it.
    /// </summary>
    public async Task RunSqlFileAsync(string path, string database = "postgres", CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var sql = await File.ReadAllTextAsync(path, Encoding.UTF8, ct);
        try
        {
            await RunSqlAsync(sql, database, ct);
        }
        catch (PostgresCommandException ex)
        {
            throw new PostgresCommandException($"{ex.Command} < {path}", ex.ExitCode, ex.StandardError, ex);
        }
    }

    /// <summary>Creates an empty database, owned by <paramref name="owner"/> or else the superuser.</summary>
    public Task CreateDatabaseAsync(string name, string? owner = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var sql = $"CREATE DATABASE {QuoteIdentifier(name)}";
        if (owner is not null)
        {
            sql += $" OWNER {QuoteIdentifier(owner)}";
        }

        return RunSqlAsync(sql + ";", ct: ct);
    }

    /// <summary>Reads a SQL script shipped inside this assembly, e.g. <c>LoadSample("shop")</c>.</summary>
    /// <exception cref="ArgumentException">No sample has that name; the message lists those that exist.</exception>
    public static string LoadSample(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var assembly = typeof(EmbeddedCluster).Assembly;
        using var stream = assembly.GetManifestResourceStream($"{SampleResourcePrefix}{name}.sql");
        if (stream is null)
        {
            var available = assembly.GetManifestResourceNames()
                .Where(n => n.StartsWith(SampleResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
                .Select(n => n[SampleResourcePrefix.Length..^".sql".Length])
                .Order(StringComparer.Ordinal);
            throw new ArgumentException($"There is no sample named '{name}'. Samples: {string.Join(", ", available)}.", nameof(name));
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private async Task InitializeAsync(CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        Log.ClusterStarting(_logger, _rootDirectory, _binaries.BinDirectory);

        await _account.TakeOwnershipAsync(_rootDirectory, ct);
        await InitDbAsync(ct);

        var postgresqlConf = Path.Combine(DataDirectory, "postgresql.conf");
        var initdbSettings = await File.ReadAllTextAsync(postgresqlConf, ct);

        // Rewriting files that initdb created keeps their owner, so no second chown is needed.
        await File.WriteAllTextAsync(Path.Combine(DataDirectory, "pg_hba.conf"), RenderHostBasedAuthentication(_options.Roles), ct);
        await StartServerAsync(postgresqlConf, initdbSettings, ct);

        if (_options.Roles.Count > 0)
        {
            await RunSqlAsync(RenderCreateRoles(_options.Roles), ct: ct);
            foreach (var role in _options.Roles)
            {
                Log.RoleCreated(_logger, role.Name, role.Method);
            }
        }

        Log.ClusterStarted(_logger, Host, Port, stopwatch.ElapsedMilliseconds);
    }

    private async Task InitDbAsync(CancellationToken ct)
    {
        const string Locale = "C.UTF-8";
        string[] common = ["-D", DataDirectory, "-A", "trust", "-U", SuperUser, "-E", "UTF8"];
        if (!_options.Durable)
        {
            // initdb otherwise fsyncs every file it wrote, which is most of its run time on a slow disk.
            common = [.. common, "--no-sync"];
        }

        try
        {
            await RunCheckedAsync(ServerCommand(_binaries.Initdb, [.. common, $"--locale={Locale}"]), ct);
        }
        catch (PostgresCommandException ex)
        {
            // C.UTF-8 is missing from older glibc and from macOS; the C locale exists everywhere.
            Log.LocaleFallback(_logger, Locale, ex.StandardError.Trim());
            if (Directory.Exists(DataDirectory))
            {
                Directory.Delete(DataDirectory, recursive: true);
            }

            await RunCheckedAsync(ServerCommand(_binaries.Initdb, [.. common, "--no-locale"]), ct);
        }
    }

    private async Task StartServerAsync(string postgresqlConf, string initdbSettings, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            Port = _options.Port ?? FreeLoopbackPort();
            await File.WriteAllTextAsync(postgresqlConf, initdbSettings + RenderSettings(), ct);

            var logOffset = File.Exists(ServerLogPath) ? new FileInfo(ServerLogPath).Length : 0;
            var start = ServerCommand(_binaries.PgCtl, ["-D", DataDirectory, "-l", ServerLogPath, "-w", "-t", "60", "start"]);
            var result = await RunAsync(start, ct);
            if (result.ExitCode == 0)
            {
                return;
            }

            var serverLog = ReadServerLog(logOffset);

            // The free port was only free when we looked; another process can bind it before the postmaster.
            if (_options.Port is null && attempt < MaxPortAttempts
                && serverLog.Contains("Address already in use", StringComparison.Ordinal))
            {
                Log.PortTaken(_logger, Port, attempt, MaxPortAttempts);
                continue;
            }

            throw new PostgresCommandException(start.Display, result.ExitCode, result.StandardError,
                detail: $"Last lines of {ServerLogPath}:{Environment.NewLine}{LastLines(serverLog, 30)}");
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private string ReadServerLog(long offset)
    {
        if (!File.Exists(ServerLogPath))
        {
            return string.Empty;
        }

        using var stream = new FileStream(ServerLogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(Math.Min(offset, stream.Length), SeekOrigin.Begin);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static string LastLines(string text, int count) =>
        string.Join(Environment.NewLine, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(count));

    /// <summary>psql as the superuser over the unix socket, reading the script from stdin.</summary>
    private ProcessInvocation Psql(string database)
    {
        // A conninfo string rather than -d/-h/-p: a database name containing '=' would otherwise be
        // parsed as a connection string by psql.
        var conninfo = $"host={QuoteConninfo(SocketDirectory)} port={Port} user={QuoteConninfo(SuperUser)} dbname={QuoteConninfo(database)}";
        return ServerCommand(_binaries.Psql, ["-v", "ON_ERROR_STOP=1", "-X", "-q", "-At", "-d", conninfo, "-f", "-"]);
    }

    private ProcessInvocation ServerCommand(string program, IEnumerable<string> arguments) =>
        _account.Command(program, _rootDirectory, arguments);

    private Task<ProcessResult> RunAsync(ProcessInvocation invocation, CancellationToken ct)
    {
        Log.RunningCommand(_logger, invocation.Display);
        return ChildProcess.RunAsync(invocation, ct);
    }

    private Task<ProcessResult> RunCheckedAsync(ProcessInvocation invocation, CancellationToken ct)
    {
        Log.RunningCommand(_logger, invocation.Display);
        return ChildProcess.RunCheckedAsync(invocation, ct);
    }
}
