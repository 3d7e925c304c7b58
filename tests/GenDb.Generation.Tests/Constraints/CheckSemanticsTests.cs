using GenDb.Generation.Constraints;
using GenDb.Generation.Tests.Infrastructure;

namespace GenDb.Generation.Tests.Constraints;

/// <summary>
/// The rules mean what the CHECK means: on candidate rows built from the rules' own boundary values,
/// PostgreSQL accepts exactly the rows the rules accept when the CHECK was fully understood, and only rows
/// the rules accept otherwise (what was read of a CHECK is always necessary).
/// </summary>
public sealed class CheckSemanticsTests(ClusterFixture fixture)
{
    public static TheoryData<string> Shapes => CheckShapes.Names;

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Rules_BoundaryRows_JudgedAsPostgresJudges(string name)
    {
        var shape = CheckShapes.Named(name);
        await using var connection = await ConstraintDatabase.OpenAsync(fixture, "check_semantics", CheckShapes.Setup);
        await connection.ExecAsync(shape.CreateTable());
        var analysis = CheckReader.Read((await connection.ChecksAsync(shape.Table))[shape.Name]);

        var verdicts = await RuleOracle.JudgeAsync(
            connection, shape.Table, shape.Columns, analysis.For, analysis.Relations, analysis.NullCouplings, shape.Samples);

        AssertAgree(analysis.FullyUnderstood, verdicts, SaysAnything(analysis));
    }

    [Fact]
    public async Task DomainRules_PagilaYear_JudgedAsPostgresJudges()
    {
        await using var connection = await ConstraintDatabase.OpenAsync(fixture, "check_semantics", CheckShapes.Setup);
        await connection.ExecAsync("""
            CREATE DOMAIN year AS integer CONSTRAINT year_check CHECK (VALUE >= 1901 AND VALUE <= 2155);
            CREATE TABLE film_release (release_year year);
            """);
        var analysis = CheckReader.ReadDomain(await CheckCatalogTests.DomainCheckAsync(connection, "year"));
        CaseColumn[] columns = [new("release_year", "year", StageType: "integer")];

        var verdicts = await RuleOracle.JudgeAsync(
            connection, "film_release", columns, _ => analysis.For(CheckReader.DomainValue), [], [], []);

        AssertAgree(analysis.FullyUnderstood, verdicts, restricts: true);
        Assert.Contains(verdicts, v => v.Row == "(1901)" && v.ByPostgres);
        Assert.Contains(verdicts, v => v.Row == "(1900)" && !v.ByPostgres);
        Assert.Contains(verdicts, v => v.Row == "(2156)" && !v.ByPostgres);
    }

    [Fact]
    public async Task DomainRules_Pattern_JudgedAsPostgresJudges()
    {
        await using var connection = await ConstraintDatabase.OpenAsync(fixture, "check_semantics", CheckShapes.Setup);
        await connection.ExecAsync("""
            CREATE DOMAIN postal_code AS text CHECK (VALUE ~ '^\d{5}$');
            CREATE TABLE address (postal postal_code);
            """);
        var analysis = CheckReader.ReadDomain(await CheckCatalogTests.DomainCheckAsync(connection, "postal_code"));
        CaseColumn[] columns = [new("postal", "postal_code", StageType: "text")];

        var verdicts = await RuleOracle.JudgeAsync(
            connection, "address", columns, _ => analysis.For(CheckReader.DomainValue), [], [], ["'12345'", "'1234'", "'abcde'", "'123456'"]);

        AssertAgree(analysis.FullyUnderstood, verdicts, restricts: true);
    }

    internal static void AssertAgree(bool fullyUnderstood, List<RuleOracle.Verdict> verdicts, bool restricts)
    {
        var wrong = fullyUnderstood
            ? verdicts.Where(v => v.ByRules != v.ByPostgres).ToList()
            : verdicts.Where(v => v.ByPostgres && !v.ByRules).ToList();
        Assert.True(wrong.Count == 0, "Rules and PostgreSQL disagree:" + Environment.NewLine + RuleOracle.Describe(wrong));

        // The candidates reach both sides of the rules: some rows pass, and (when the rules restrict) some fail.
        Assert.Contains(verdicts, v => v.ByPostgres);
        if (fullyUnderstood && restricts)
        {
            Assert.Contains(verdicts, v => !v.ByPostgres);
        }
    }

    private static bool SaysAnything(CheckAnalysis analysis) =>
        analysis.Columns.Count > 0 || analysis.Relations.Count > 0 || analysis.NullCouplings.Count > 0;
}
