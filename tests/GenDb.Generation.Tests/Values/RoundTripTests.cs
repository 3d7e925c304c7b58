using GenDb.Generation.Constraints;
using GenDb.Generation.Values;

namespace GenDb.Generation.Tests.Values;

/// <summary>Every supported type: generated values are accepted by a real PostgreSQL 15, unique ones by a UNIQUE index.</summary>
public sealed class RoundTripTests(ValuesDatabase database) : IClassFixture<ValuesDatabase>
{
    private const int RandomRows = 200;
    private const int UniqueRows = 2000;

    [Theory]
    [MemberData(nameof(RoundTripCases.Random), MemberType = typeof(RoundTripCases))]
    public async Task Copy_RandomValues_AllAccepted(int index, string typeSql)
    {
        var table = database.Model.FindTable("public", ValuesDatabase.RandomTable(index))!;
        var generator = ValueGenerators.ForColumn(table, table.Column("v"), database.Model, ColumnRules.None, unique: false);
        var values = ValueTestKit.Generate(generator, RandomRows, seed: (ulong)index + 1);

        await using var connection = await database.OpenAsync();
        await ValueTestKit.CopyAsync(connection, table.Name, "v", values);

        var loaded = await connection.ScalarAsync<long>($"SELECT count(v) FROM {table.Name}");
        Assert.True(loaded == RandomRows, $"{typeSql}: {loaded} of {RandomRows} rows loaded");
    }

    [Theory]
    [MemberData(nameof(RoundTripCases.Unique), MemberType = typeof(RoundTripCases))]
    public async Task Copy_UniqueValues_UniqueIndexAcceptsAll(int index, string typeSql)
    {
        var table = database.Model.FindTable("public", ValuesDatabase.UniqueTable(index))!;
        var generator = ValueGenerators.ForColumn(table, table.Column("v"), database.Model, ColumnRules.None, unique: true);
        Assert.True(generator.IsUnique, $"{typeSql}: the generator is not unique");
        var values = ValueTestKit.Generate(generator, UniqueRows, seed: (ulong)index + 7);

        await using var connection = await database.OpenAsync();
        await ValueTestKit.CopyAsync(connection, table.Name, "v", values);

        Assert.Equal(UniqueRows, await connection.ScalarAsync<long>($"SELECT count(DISTINCT v) FROM {table.Name}"));
    }

    [Fact]
    public async Task Copy_UniqueValuesAskedInTwoBatches_StillDistinct()
    {
        var index = RoundTripCases.All.ToList().FindIndex(c => c.TypeSql == "character varying(5)");
        var table = database.Model.FindTable("public", ValuesDatabase.UniqueTable(index))!;
        var generator = ValueGenerators.ForColumn(table, table.Column("v"), database.Model, ColumnRules.None, unique: true);

        // The loader may ask rows 0..N-1 and later N.. with a fresh stream.
        var first = ValueTestKit.Generate(generator, 1000, seed: 1);
        var second = ValueTestKit.Generate(generator, 1000, seed: 2, firstRow: 1000);

        await using var connection = await database.OpenAsync();
        await connection.ExecAsync($"CREATE TABLE two_batches (LIKE {table.Name} INCLUDING INDEXES)");
        await ValueTestKit.CopyAsync(connection, "two_batches", "v", first.Concat(second));
        Assert.Equal(2000, await connection.ScalarAsync<long>("SELECT count(DISTINCT v) FROM two_batches"));
    }

    [Fact]
    public void ForColumn_TimestampTz_WritesExplicitUtcOffset()
    {
        var index = RoundTripCases.All.ToList().FindIndex(c => c.TypeSql == "timestamp with time zone");
        var table = database.Model.FindTable("public", ValuesDatabase.RandomTable(index))!;
        var generator = ValueGenerators.ForColumn(table, table.Column("v"), database.Model, ColumnRules.None, unique: false);

        var values = ValueTestKit.Generate(generator, 50, seed: 3);

        Assert.All(values, v => Assert.Matches(@"^20[0-3]\d-\d\d-\d\d \d\d:\d\d:\d\d\+00$", v));
    }

    [Fact]
    public void ForColumn_Enum_UsesTheModelsLabels()
    {
        var index = RoundTripCases.All.ToList().FindIndex(c => c.TypeSql == "mood");
        var table = database.Model.FindTable("public", ValuesDatabase.RandomTable(index))!;
        var generator = ValueGenerators.ForColumn(table, table.Column("v"), database.Model, ColumnRules.None, unique: true);

        var values = ValueTestKit.Generate(generator, 200, seed: 3);

        Assert.False(generator.IsUnique);
        Assert.Equal(["happy", "ok", "sad", "very happy"], values.Distinct().Order(StringComparer.Ordinal));
    }
}
