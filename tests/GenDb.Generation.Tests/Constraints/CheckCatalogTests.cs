using GenDb.Generation.Constraints;
using GenDb.Generation.Tests.Infrastructure;

namespace GenDb.Generation.Tests.Constraints;

/// <summary>CHECKs created on a real PostgreSQL 15 and read back with pg_get_constraintdef.</summary>
public sealed class CheckCatalogTests(ClusterFixture fixture)
{
    public static TheoryData<string> Shapes => CheckShapes.Names;

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Read_DefinitionFromPostgres_RulesAsExpected(string name)
    {
        var shape = CheckShapes.Named(name);
        await using var connection = await ConstraintDatabase.OpenAsync(fixture, "check_catalog", CheckShapes.Setup);
        await connection.ExecAsync(shape.CreateTable());

        var definition = (await connection.ChecksAsync(shape.Table))[shape.Name];

        shape.Expect(CheckReader.Read(definition));
    }

    [Theory]
    [InlineData("rating_between", "CHECK (((rating >= 1) AND (rating <= 5)))")]
    [InlineData("kind_in_varchar", "CHECK (((kind)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[])))")]
    [InlineData("level_not_in", "CHECK ((level <> ALL (ARRAY[1, 2, 3])))")]
    [InlineData("negative_bound", "CHECK ((n > '-5'::integer))")]
    [InlineData("negative_cast", "CHECK ((n > (- 5)))")]
    [InlineData("name_not_blank_trim", "CHECK ((TRIM(BOTH FROM name) <> ''::text))")]
    [InlineData("created_after", "CHECK ((created_at > '2000-01-01 00:00:00+00'::timestamp with time zone))")]
    [InlineData("integer_over_fraction", "CHECK (((n)::numeric > 1.5))")]
    [InlineData("not_between", "CHECK (((n < 1) OR (n > 5)))")]
    public async Task Definition_PrintedByPostgres_HasTheShapeTheReaderExpects(string name, string printed)
    {
        var shape = CheckShapes.Named(name);
        await using var connection = await ConstraintDatabase.OpenAsync(fixture, "check_printed", CheckShapes.Setup);
        await connection.ExecAsync(shape.CreateTable());

        Assert.Equal(printed, (await connection.ChecksAsync(shape.Table))[shape.Name]);
    }

    [Fact]
    public async Task ReadAll_SeveralChecksOnOneTable_Intersected()
    {
        await using var connection = await ConstraintDatabase.OpenAsync(fixture, "check_catalog", CheckShapes.Setup);
        await connection.ExecAsync("""
            CREATE TABLE several (
                name varchar(40) CHECK (length(name) >= 2) CHECK (btrim(name) <> ''),
                score integer CHECK (score >= 0) CHECK (score BETWEEN 1 AND 10));
            ALTER TABLE several ADD CONSTRAINT score_small CHECK (score < 8) NOT VALID;
            """);

        var definitions = await connection.ChecksAsync("several");
        var analysis = CheckReader.ReadAll(definitions.Values);

        Assert.Contains(definitions.Values, d => d.EndsWith(" NOT VALID", StringComparison.Ordinal));
        Assert.True(analysis.FullyUnderstood);
        Assert.Equal(2, analysis.For("name").MinLength);
        Assert.True(analysis.For("name").NotBlank);
        Assert.Equal(new ValueBound("1", true), analysis.For("score").Lower);
        Assert.Equal(new ValueBound("8", false), analysis.For("score").Upper);
    }

    [Fact]
    public async Task ReadDomain_PagilaYear_BoundsUnderValue()
    {
        await using var connection = await ConstraintDatabase.OpenAsync(fixture, "check_catalog", CheckShapes.Setup);
        await connection.ExecAsync("CREATE DOMAIN year AS integer CONSTRAINT year_check CHECK (((VALUE >= 1901) AND (VALUE <= 2155)))");

        var definition = await DomainCheckAsync(connection, "year");
        var analysis = CheckReader.ReadDomain(definition);

        Assert.Equal("CHECK (((VALUE >= 1901) AND (VALUE <= 2155)))", definition);
        Assert.True(analysis.FullyUnderstood);
        Assert.Equal(new ValueBound("1901", true), analysis.For(CheckReader.DomainValue).Lower);
        Assert.Equal(new ValueBound("2155", true), analysis.For(CheckReader.DomainValue).Upper);
    }

    [Fact]
    public async Task ReadDomain_PatternAndVarcharList_UnderValue()
    {
        await using var connection = await ConstraintDatabase.OpenAsync(fixture, "check_catalog", CheckShapes.Setup);
        await connection.ExecAsync("""
            CREATE DOMAIN zip AS text CHECK (VALUE ~ '^\d{5}$');
            CREATE DOMAIN yes_no AS varchar(3) CHECK (VALUE IN ('YES', 'NO'));
            """);

        var zip = CheckReader.ReadDomain(await DomainCheckAsync(connection, "zip"));
        var yesNo = CheckReader.ReadDomain(await DomainCheckAsync(connection, "yes_no"));

        Assert.True(zip.FullyUnderstood);
        Assert.Equal(["^\\d{5}$"], zip.For(CheckReader.DomainValue).Patterns);
        Assert.True(yesNo.FullyUnderstood);
        Assert.Equal(["YES", "NO"], yesNo.For(CheckReader.DomainValue).AllowedValues);
    }

    internal static async Task<string> DomainCheckAsync(Npgsql.NpgsqlConnection connection, string domain)
    {
        var rows = await connection.RowsAsync($"SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE contypid = '{domain}'::regtype");
        return (string)Assert.Single(rows)[0]!;
    }
}
