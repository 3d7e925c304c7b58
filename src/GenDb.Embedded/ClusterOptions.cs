namespace GenDb.Embedded;

/// <summary>How a role's password is stored and checked (pg_hba.conf method and password_encryption).</summary>
public enum PasswordMethod
{
    ScramSha256,

    /// <summary>
    /// Stored as an md5 hash and authenticated with the md5 method, for clients that still speak only
    /// md5 (PostgreSQL 14 changed the default to SCRAM).
    /// </summary>
    Md5,
}

/// <summary>A login role created when the cluster starts.</summary>
public sealed record ClusterRole(string Name, string Password, PasswordMethod Method, bool Superuser = false);

/// <summary>How to start an <see cref="EmbeddedCluster"/>. The defaults suit tests: fast, private, disposable.</summary>
public sealed record ClusterOptions
{
    /// <summary>The TCP port on 127.0.0.1; null picks a free one (and retries if another process takes it first).</summary>
    public int? Port { get; init; }

    /// <summary>Login roles to create, each allowed in pg_hba.conf with its own method. Default: none.</summary>
    public IReadOnlyList<ClusterRole> Roles { get; init; } = [];

    /// <summary>postgresql.conf <c>max_connections</c>. Default: 200.</summary>
    public int MaxConnections { get; init; } = 200;

    /// <summary>
    /// False (the default) turns off fsync, synchronous_commit and full_page_writes: a crash loses the
    /// cluster, which is the point of a throwaway one.
    /// </summary>
    public bool Durable { get; init; }

    /// <summary>Extra postgresql.conf settings, written last so they override GenDB's own. Default: none.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
}
