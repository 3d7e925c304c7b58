using GenDb.Schema.Synthetic;
using GenDb.Schema.Tests.Infrastructure;
using Npgsql;

namespace GenDb.Schema.Tests;

/// <summary>
/// The synthetic copy of a real schema has the same columns, constraints and unique indexes as
/// the source (compared in the catalogs), its foreign keys point at synthetic tables, its
/// sequences are its own, and it rejects what the real table rejects. Each run is rolled back.
/// </summary>
public abstract class SyntheticCopyTests(SchemaFixture fixture, string database)
{
    private const string Scenario = "copytest";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<NpgsqlConnection> OpenWithCopyAsync()
    {
        var model = fixture.Model(database);
        var statements = SyntheticCopyBuilder.Build(model, model.Tables.Select(t => t.QualifiedName).ToList(), Scenario);
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(fixture.Cluster.ConnectionString(database)) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(Ct);
        await Exec(connection, "BEGIN");
        foreach (var statement in statements)
        {
            try
            {
                await Exec(connection, statement);
            }
            catch (PostgresException ex)
            {
                throw new InvalidOperationException($"{ex.SqlState} {ex.MessageText} in:\n{statement}", ex);
            }
        }

        return connection;
    }

    private static async Task Exec(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static async Task<List<string>> Strings(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(reader.IsDBNull(0) ? "NULL" : reader.GetString(0));
        }

        return rows;
    }

    private static string Synthetic(TableModel table) =>
        SyntheticCopyBuilder.Target(table.QualifiedName, Scenario).Sql;

    [Fact]
    public async Task Copy_EveryTable_SameColumnsConstraintsAndUniqueIndexes()
    {
        await using var connection = await OpenWithCopyAsync();
        foreach (var table in fixture.Model(database).Tables)
        {
            foreach (var (what, query) in new[]
            {
                ("columns", "SELECT string_agg(format('%s %s notnull=%s identity=%s generated=%s collation=%s', attname, format_type(atttypid, atttypmod), attnotnull, attidentity, attgenerated, attcollation), '; ' ORDER BY attnum) FROM pg_attribute WHERE attrelid = {0}::regclass AND attnum > 0 AND NOT attisdropped"),
                ("constraints", "SELECT string_agg(format('%s %s %s', contype, conname, CASE WHEN contype = 'f' THEN regexp_replace(pg_get_constraintdef(oid), 'REFERENCES [^(]+', 'REFERENCES') ELSE pg_get_constraintdef(oid) END), '; ' ORDER BY conname) FROM pg_constraint WHERE conrelid = {0}::regclass"),
                ("unique indexes", "SELECT string_agg(regexp_replace(pg_get_indexdef(indexrelid), ' ON .* USING ', ' USING '), '; ' ORDER BY regexp_replace(pg_get_indexdef(indexrelid), ' ON .* USING ', ' USING ')) FROM pg_index WHERE indrelid = {0}::regclass AND indisunique"),
                ("partitioning", "SELECT coalesce(pg_get_partkeydef({0}::regclass), '') || coalesce((SELECT pg_get_expr(relpartbound, oid) FROM pg_class WHERE oid = {0}::regclass), '')"),
            })
            {
                var real = await Strings(connection, string.Format(null, query, $"'{table.QualifiedName.Sql.Replace("'", "''", StringComparison.Ordinal)}'"));
                var copy = await Strings(connection, string.Format(null, query, $"'{Synthetic(table).Replace("'", "''", StringComparison.Ordinal)}'"));
                Assert.True(real.SequenceEqual(copy), $"{what} of {table.QualifiedName} differ:\nreal: {string.Join('\n', real)}\ncopy: {string.Join('\n', copy)}");
            }
        }

        await Exec(connection, "ROLLBACK");
    }

    [Fact]
    public async Task Copy_ForeignKeysPointAtSyntheticTables_SequencesAreTheirOwn()
    {
        await using var connection = await OpenWithCopyAsync();

        var targets = await Strings(connection, $"SELECT DISTINCT n.nspname FROM pg_constraint c JOIN pg_class r ON r.oid = c.confrelid JOIN pg_namespace n ON n.oid = r.relnamespace JOIN pg_class s ON s.oid = c.conrelid JOIN pg_namespace sn ON sn.oid = s.relnamespace WHERE c.contype = 'f' AND sn.nspname LIKE 'gendb\\_{Scenario}\\_\\_%'");
        Assert.All(targets, schema => Assert.StartsWith($"gendb_{Scenario}__", schema, StringComparison.Ordinal));

        var defaults = await Strings(connection, $"SELECT pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d JOIN pg_class c ON c.oid = d.adrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname LIKE 'gendb\\_{Scenario}\\_\\_%' AND pg_get_expr(d.adbin, d.adrelid) LIKE 'nextval%'");
        Assert.All(defaults, expression => Assert.Contains($"gendb_{Scenario}__", expression, StringComparison.Ordinal));

        await Exec(connection, "ROLLBACK");
    }

    [Fact]
    public async Task Copy_RealSchemaUnchanged_ByBuildingIt()
    {
        var before = await fixture.ReadAsync(database);
        await using (var connection = await OpenWithCopyAsync())
        {
            await Exec(connection, "COMMIT");
        }

        try
        {
            var after = await fixture.ReadAsync(database);
            Assert.Equal(before.Model.Tables.Count, after.Model.Tables.Count);
            Assert.Equal(
                before.Model.Tables.Select(t => (t.QualifiedName.Sql, t.Columns.Count, t.Constraints.Count, t.Indexes.Count)),
                after.Model.Tables.Select(t => (t.QualifiedName.Sql, t.Columns.Count, t.Constraints.Count, t.Indexes.Count)));
            Assert.Equal(before.Model.Sequences.Select(s => s.Schema + "." + s.Name), after.Model.Sequences.Select(s => s.Schema + "." + s.Name));
        }
        finally
        {
            await using var cleanup = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(fixture.Cluster.ConnectionString(database)) { Pooling = false }.ConnectionString);
            await cleanup.OpenAsync(Ct);
            foreach (var schema in await Strings(cleanup, $"SELECT nspname FROM pg_namespace WHERE nspname LIKE 'gendb\\_{Scenario}\\_\\_%'"))
            {
                await Exec(cleanup, $"DROP SCHEMA \"{schema}\" CASCADE");
            }
        }
    }
}

public sealed class PagilaSyntheticCopyTests(PagilaFixture fixture) : SyntheticCopyTests(fixture, PagilaFixture.Database), IClassFixture<PagilaFixture>;

public sealed class ChinookSyntheticCopyTests(ChinookFixture fixture) : SyntheticCopyTests(fixture, ChinookFixture.Database), IClassFixture<ChinookFixture>;

public sealed class KitchenSinkSyntheticCopyTests(KitchenSinkFixture fixture) : SyntheticCopyTests(fixture, KitchenSinkFixture.Database), IClassFixture<KitchenSinkFixture>;
