using GenDb.IntegrationTests.Infrastructure;
using Npgsql;

namespace GenDb.IntegrationTests.Generation;

/// <summary>A database of its own, loaded from a schema script, that the test role owns and reads, as an application's would.</summary>
internal static class GenerationDatabase
{
    public static string SchemaFile(string name)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "GenDb.slnx")))
        {
            root = root.Parent ?? throw new InvalidOperationException("No GenDb.slnx above the test binaries.");
        }

        return name switch
        {
            "kitchen-sink" => Path.Combine(root.FullName, "tests", "GenDb.Schema.Tests", "Schemas", "kitchen-sink.sql"),
            "features" => Path.Combine(AppContext.BaseDirectory, "Generation", "features.sql"),
            "people" => Path.Combine(AppContext.BaseDirectory, "Generation", "people.sql"),
            "shop" => Path.Combine(root.FullName, "src", "GenDb.Embedded", "Samples", "shop.sql"),
            "pagila" => Path.Combine(root.FullName, "..", "shared", "schemas", "pagila-schema.sql"),
            "chinook" => Path.Combine(root.FullName, "..", "shared", "schemas", "chinook.sql"),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };
    }

    public static async Task<string> CreateAsync(PostgresFixture fixture, string database, string schema, CancellationToken cancellationToken)
    {
        await fixture.Cluster.CreateDatabaseAsync(database, PostgresFixture.ScramUser, cancellationToken);
        await fixture.Cluster.RunSqlFileAsync(SchemaFile(schema), database, cancellationToken);
        await fixture.Cluster.RunSqlAsync(
            $$"""
            DO $$ DECLARE s record; BEGIN
              FOR s IN SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\_%' AND nspname <> 'information_schema' LOOP
                EXECUTE format('GRANT USAGE ON SCHEMA %I TO {{PostgresFixture.ScramUser}}', s.nspname);
                EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO {{PostgresFixture.ScramUser}}', s.nspname);
                EXECUTE format('GRANT SELECT ON ALL SEQUENCES IN SCHEMA %I TO {{PostgresFixture.ScramUser}}', s.nspname);
                EXECUTE format('GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA %I TO {{PostgresFixture.ScramUser}}', s.nspname);
              END LOOP;
            END $$;
            """,
            database,
            cancellationToken);
        return database;
    }

    /// <summary>Real tables (partition roots) as schema.name, sorted.</summary>
    public const string RealTablesSql = """
        SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
          AND n.nspname NOT LIKE 'pg\_%' AND n.nspname NOT LIKE 'gendb\_%' AND n.nspname <> 'information_schema'
        ORDER BY 1
        """;

    /// <summary>
    /// Per synthetic table of the scenario: its row count and an md5 of its rows in text order.
    /// Equal checksums mean equal tables, byte for byte in text form.
    /// </summary>
    public static async Task<Dictionary<string, (long Rows, string Checksum)>> ChecksumsAsync(NpgsqlConnection connection, string scenario = "default")
    {
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            $"""
            SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname LIKE 'gendb\_{scenario}\_\_%' ORDER BY 1
            """,
            connection))
        await using (var reader = await list.ExecuteReaderAsync(TestContext.Current.CancellationToken))
        {
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }

        var result = new Dictionary<string, (long, string)>();
        foreach (var table in tables)
        {
            await using var command = new NpgsqlCommand(
                $"SELECT count(*), coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text COLLATE \"C\")), '') FROM {table} AS t", connection);
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            await reader.ReadAsync(TestContext.Current.CancellationToken);
            result[table] = (reader.GetInt64(0), reader.GetString(1));
        }

        return result;
    }
}
