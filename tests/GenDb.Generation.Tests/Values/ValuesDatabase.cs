using GenDb.Sql.Npgsql;
using GenDb.Generation.Tests.Infrastructure;
using GenDb.Schema;
using Npgsql;

namespace GenDb.Generation.Tests.Values;

/// <summary>
/// One database with a table per round-trip case (a column of the case's type, and a UNIQUE one
/// where the type has a btree equality), plus the user types and extensions the cases use; read
/// into a <see cref="DatabaseModel"/> once.
/// </summary>
public sealed class ValuesDatabase(ClusterFixture cluster) : IAsyncLifetime
{
    /// <summary>User types the cases refer to; labels with a space test quoting inside arrays.</summary>
    public const string Setup = """
        CREATE EXTENSION citext;
        CREATE EXTENSION hstore;
        CREATE EXTENSION ltree;
        CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy', 'very happy');
        CREATE DOMAIN positive_int AS integer CHECK (VALUE > 0);
        CREATE DOMAIN short_code AS varchar(8) NOT NULL;
        CREATE DOMAIN int_list AS integer[];
        CREATE TYPE pair AS (label text, amount numeric(8,2), tags varchar(10)[], "when" timestamptz);
        CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
        CREATE TYPE mood_range AS RANGE (subtype = mood);
        CREATE TABLE row_shape (id integer, note text, at date);
        """;

    private string? _connectionString;

    public string ConnectionString => _connectionString ?? throw new InvalidOperationException("Not initialised.");

    public DatabaseModel Model { get; private set; } = null!;

    /// <summary>The table holding random values of case <paramref name="index"/>.</summary>
    public static string RandomTable(int index) => $"rt_{index}";

    /// <summary>The table with a UNIQUE column for case <paramref name="index"/>.</summary>
    public static string UniqueTable(int index) => $"uq_{index}";

    public async ValueTask InitializeAsync()
    {
        _connectionString = await cluster.CreateDatabaseAsync("values");
        await using var connection = await OpenAsync();
        var ddl = new System.Text.StringBuilder(Setup);
        for (var i = 0; i < RoundTripCases.All.Count; i++)
        {
            var (typeSql, unique) = RoundTripCases.All[i];
            ddl.Append($"CREATE TABLE {RandomTable(i)} (v {typeSql});\n");
            if (unique)
            {
                ddl.Append($"CREATE TABLE {UniqueTable(i)} (v {typeSql} UNIQUE);\n");
            }
        }

        await connection.ExecAsync(ddl.ToString());
        Model = await SchemaIntrospector.ReadAsync(new NpgsqlSqlSession(connection), TestContext.Current.CancellationToken);
    }

    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>Every type the round-trip tests load, with whether a UNIQUE column of it must take 2,000 generated rows.</summary>
public static class RoundTripCases
{
    public static IReadOnlyList<(string TypeSql, bool Unique)> All { get; } =
    [
        ("smallint", true),
        ("integer", true),
        ("bigint", true),
        ("numeric", true),
        ("numeric(10,2)", true),
        ("numeric(5,2)", true),
        ("numeric(3,5)", false),
        ("numeric(4,-2)", true),
        ("real", true),
        ("double precision", true),
        ("money", true),
        ("text", true),
        ("character varying", true),
        ("character varying(20)", true),
        ("character varying(5)", true),
        ("character(3)", true),
        ("character", false),
        ("\"char\"", false),
        ("name", true),
        ("boolean", false),
        ("date", true),
        ("time", true),
        ("time(3)", true),
        ("time with time zone", true),
        ("timestamp", true),
        ("timestamp(3)", true),
        ("timestamp(0)", true),
        ("timestamp with time zone", true),
        ("timestamp(2) with time zone", true),
        ("interval", true),
        ("interval year", true),
        ("interval year to month", true),
        ("interval day to second(2)", true),
        ("interval hour", true),
        ("uuid", true),
        ("json", false),
        ("jsonb", true),
        ("xml", false),
        ("jsonpath", false),
        ("bytea", true),
        ("inet", true),
        ("cidr", true),
        ("macaddr", true),
        ("macaddr8", true),
        ("bit(5)", false),
        ("bit(16)", true),
        ("bit varying(3)", false),
        ("bit varying(16)", true),
        ("bit varying", true),
        ("tsvector", true),
        ("tsquery", true),
        ("point", false),
        ("line", false),
        ("lseg", false),
        ("box", false),
        ("path", false),
        ("polygon", false),
        ("circle", false),
        ("int4range", true),
        ("int8range", true),
        ("numrange", true),
        ("daterange", true),
        ("tsrange", true),
        ("tstzrange", true),
        ("int4multirange", true),
        ("int8multirange", true),
        ("nummultirange", true),
        ("datemultirange", true),
        ("tsmultirange", true),
        ("tstzmultirange", true),
        ("pg_lsn", true),
        ("oid", true),
        ("integer[]", true),
        ("text[]", true),
        ("character varying(5)[]", true),
        ("numeric(6,2)[]", true),
        ("timestamp with time zone[]", true),
        ("boolean[]", false),
        ("uuid[]", true),
        ("box[]", false),
        ("int4range[]", true),
        ("bytea[]", true),
        ("jsonb[]", true),
        ("mood", false),
        ("mood[]", false),
        ("positive_int", true),
        ("short_code", true),
        ("int_list", true),
        ("pair", true),
        ("pair[]", true),
        ("floatrange", true),
        ("floatmultirange", true),
        ("mood_range", false),
        ("row_shape", true),
        ("citext", true),
        ("citext[]", true),
        ("hstore", true),
        ("ltree", true),
    ];

    public static TheoryData<int, string> Random => Cases(unique: false);

    public static TheoryData<int, string> Unique => Cases(unique: true);

    private static TheoryData<int, string> Cases(bool unique)
    {
        var data = new TheoryData<int, string>();
        for (var i = 0; i < All.Count; i++)
        {
            if (!unique || All[i].Unique)
            {
                data.Add(i, All[i].TypeSql);
            }
        }

        return data;
    }
}
