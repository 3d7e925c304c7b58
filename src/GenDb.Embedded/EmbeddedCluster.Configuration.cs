using System.Globalization;
using System.Text;

namespace GenDb.Embedded;

/// <summary>The text GenDB writes into postgresql.conf and pg_hba.conf, and the SQL that creates roles.</summary>
public sealed partial class EmbeddedCluster
{
    // NAMEDATALEN - 1: PostgreSQL truncates longer identifiers, after which pg_hba.conf would not match.
    private const int MaxIdentifierBytes = 63;

    // Setting names are case-insensitive in postgresql.conf.
    private static readonly HashSet<string> ReservedSettings = new(["port", "listen_addresses", "unix_socket_directories"], StringComparer.OrdinalIgnoreCase);

    private static void ValidateOptions(ClusterOptions options)
    {
        if (options.Port is { } port && port is < 1 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(options), port, "ClusterOptions.Port must be between 1 and 65535, or null to pick a free port.");
        }

        if (options.MaxConnections < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxConnections, "ClusterOptions.MaxConnections must be at least 1.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal) { DefaultSuperUser };
        foreach (var role in options.Roles)
        {
            ArgumentNullException.ThrowIfNull(role, nameof(options));
            if (string.IsNullOrEmpty(role.Name) || Encoding.UTF8.GetByteCount(role.Name) > MaxIdentifierBytes
                || role.Name.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c is '"' or ',' or '+' or '@'))
            {
                throw new ArgumentException(
                    $"Role name '{role.Name}' cannot be written to pg_hba.conf: use 1-{MaxIdentifierBytes} bytes without whitespace, quotes, ',', '+' or '@'.",
                    nameof(options));
            }

            if (!seen.Add(role.Name))
            {
                throw new ArgumentException(
                    role.Name == DefaultSuperUser
                        ? $"Role '{DefaultSuperUser}' is the cluster's own superuser and cannot be listed in ClusterOptions.Roles."
                        : $"Role '{role.Name}' is listed twice in ClusterOptions.Roles.",
                    nameof(options));
            }

            ArgumentNullException.ThrowIfNull(role.Password, nameof(options));
        }

        foreach (var (name, value) in options.Settings)
        {
            // The cluster reports Host, Port and SocketDirectory itself; a setting that moved them would make those lie.
            if (ReservedSettings.Contains(name))
            {
                throw new ArgumentException(
                    $"'{name}' is managed by EmbeddedCluster and cannot be set through ClusterOptions.Settings; use ClusterOptions.Port to choose the port.",
                    nameof(options));
            }

            if (string.IsNullOrEmpty(name) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.'))
            {
                throw new ArgumentException($"'{name}' is not a postgresql.conf setting name.", nameof(options));
            }

            if (value is null || value.Any(c => c is '\n' or '\r'))
            {
                throw new ArgumentException($"The value of setting '{name}' must be a single line.", nameof(options));
            }
        }
    }

    /// <summary>The block appended to initdb's postgresql.conf; later lines win, so extra settings come last.</summary>
    private string RenderSettings()
    {
        var settings = new List<(string Name, string Value)>
        {
            ("listen_addresses", LoopbackAddress),
            ("port", Port.ToString(CultureInfo.InvariantCulture)),
            ("unix_socket_directories", SocketDirectory),
            ("max_connections", _options.MaxConnections.ToString(CultureInfo.InvariantCulture)),
        };
        if (!_options.Durable)
        {
            // Durability costs most of a write-heavy test's time and buys nothing for a throwaway cluster
            // (https://www.postgresql.org/docs/current/non-durability.html).
            settings.Add(("fsync", "off"));
            settings.Add(("synchronous_commit", "off"));
            settings.Add(("full_page_writes", "off"));
        }

        settings.AddRange(_options.Settings.Select(s => (s.Key, s.Value)));

        var text = new StringBuilder();
        text.Append('\n').Append("# Written by GenDB's EmbeddedCluster; overrides the defaults above.\n");
        foreach (var (name, value) in settings)
        {
            // Every value may be quoted, whatever its type; a quote inside is doubled.
            text.Append(name).Append(" = '").Append(value.Replace("'", "''", StringComparison.Ordinal)).Append("'\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// pg_hba.conf: the superuser is trusted, each configured role must use its own method, and any role
    /// created later must use SCRAM. The first matching line wins.
    /// </summary>
    private static string RenderHostBasedAuthentication(IReadOnlyList<ClusterRole> roles)
    {
        var text = new StringBuilder();
        text.Append("# Written by GenDB's EmbeddedCluster. TYPE DATABASE USER ADDRESS METHOD\n");
        text.Append(CultureInfo.InvariantCulture, $"local all {DefaultSuperUser} trust\n");
        text.Append(CultureInfo.InvariantCulture, $"host all {DefaultSuperUser} {LoopbackAddress}/32 trust\n");
        foreach (var role in roles)
        {
            var method = role.Method switch
            {
                PasswordMethod.Md5 => "md5",
                _ => "scram-sha-256",
            };

            // Quoted so that a role called "all" or "replication" is not read as a keyword.
            text.Append(CultureInfo.InvariantCulture, $"local all \"{role.Name}\" {method}\n");
            text.Append(CultureInfo.InvariantCulture, $"host all \"{role.Name}\" {LoopbackAddress}/32 {method}\n");
        }

        text.Append("local all all scram-sha-256\n");
        text.Append(CultureInfo.InvariantCulture, $"host all all {LoopbackAddress}/32 scram-sha-256\n");
        return text.ToString();
    }

    /// <summary>
    /// CREATE ROLE statements. password_encryption decides how the password is hashed when stored, and an
    /// md5 line in pg_hba.conf silently switches to SCRAM for a role whose stored password is a SCRAM
    /// verifier (https://www.postgresql.org/docs/15/auth-password.html); an md5 role therefore needs an
    /// md5 hash, and each role sets password_encryption first.
    /// </summary>
    private static string RenderCreateRoles(IReadOnlyList<ClusterRole> roles)
    {
        var sql = new StringBuilder();
        foreach (var role in roles)
        {
            var encryption = role.Method == PasswordMethod.Md5 ? "md5" : "scram-sha-256";
            sql.Append(CultureInfo.InvariantCulture, $"SET password_encryption = '{encryption}';\n");
            sql.Append(CultureInfo.InvariantCulture,
                $"CREATE ROLE {QuoteIdentifier(role.Name)} LOGIN{(role.Superuser ? " SUPERUSER" : string.Empty)} PASSWORD {QuoteLiteral(role.Password)};\n");
        }

        sql.Append("RESET password_encryption;\n");
        return sql.ToString();
    }

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    // standard_conforming_strings is on (the default since 9.1), so only the quote needs doubling.
    private static string QuoteLiteral(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>A libpq conninfo value: single-quoted, with backslash and quote escaped by a backslash.</summary>
    private static string QuoteConninfo(string value) =>
        "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
}
