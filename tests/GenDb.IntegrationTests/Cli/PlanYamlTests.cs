using GenDb.Cli.Terminal;
using GenDb.Commands.Configuration;
using GenDb.Generation.Engine;
using GenDb.Generation.Profiles;
using GenDb.Schema;

namespace GenDb.IntegrationTests.Cli;

/// <summary>The YAML skeleton of a plan, built from plans made up here: no database involved.</summary>
public sealed class PlanYamlTests
{
    private static PlannedTable Table(string schema, string name, params PlannedColumn[] columns) =>
        new(new QualifiedName(schema, name), new QualifiedName($"gendb_default__{schema}", name), 100, "COPY straight in", columns, []);

    private static PlannedColumn Column(string name, string type, string generator = "text", PlannedSource source = PlannedSource.TypeFallback, string reason = "type fallback", params string[] constraints) =>
        new(name, type, generator, source, reason, constraints);

    /// <summary>Reads back one column's settings written by <see cref="PlanYaml.Flow"/>.</summary>
    private static ColumnOverride RoundTrip(ColumnOverride settings)
    {
        var yaml = $"tables:\n  \"s.t\":\n    columns:\n      c: {PlanYaml.Flow(settings)}\n";
        return GendbConfig.Parse(yaml, "flow.yaml").Profile.Tables.Single().Columns["c"];
    }

    [Fact]
    public void Flow_EveryGenerator_ReadsBackTheSame()
    {
        var oneOf = Assert.IsType<OneOfSpec>(RoundTrip(new ColumnOverride(null) { Generator = new OneOfSpec(["a b", "x,y", "true", "42", "\"q\""], [1.5, 0, 2, 3, 4], null) }).Generator);
        Assert.Equal(["a b", "x,y", "true", "42", "\"q\""], oneOf.Values);
        Assert.Equal([1.5, 0, 2, 3, 4], oneOf.Weights!);

        Assert.Equal(@"\+1 [0-9]{3}", Assert.IsType<RegexSpec>(RoundTrip(new ColumnOverride(null) { Generator = new RegexSpec(@"\+1 [0-9]{3}", null) }).Generator).Pattern);

        var range = Assert.IsType<RangeSpec>(RoundTrip(new ColumnOverride(null) { Generator = new RangeSpec("2024-01-01", "2024-12-31 23:59", RangeDistribution.Exponential, null) }).Generator);
        Assert.Equal(("2024-01-01", "2024-12-31 23:59", RangeDistribution.Exponential), (range.Min, range.Max, range.Distribution));

        Assert.Equal("address.city", Assert.IsType<FakerSpec>(RoundTrip(new ColumnOverride(null) { Generator = new FakerSpec("address.city", null) }).Generator).Path);
        Assert.Equal("{first}.{last}@x.org", Assert.IsType<TemplateSpec>(RoundTrip(new ColumnOverride(null) { Generator = new TemplateSpec("{first}.{last}@x.org", null) }).Generator).Template);
        Assert.Null(Assert.IsType<ConstantSpec>(RoundTrip(new ColumnOverride(null) { Generator = new ConstantSpec(null, null) }).Generator).Value);
        Assert.Equal("null", Assert.IsType<ConstantSpec>(RoundTrip(new ColumnOverride(null) { Generator = new ConstantSpec("null", null) }).Generator).Value);

        var sequence = Assert.IsType<SequenceSpec>(RoundTrip(new ColumnOverride(null) { Generator = new SequenceSpec(-5, 10, null) }).Generator);
        Assert.Equal((-5L, 10L), (sequence.Start, sequence.Step));
        Assert.IsType<SkipSpec>(RoundTrip(new ColumnOverride(null) { Generator = new SkipSpec(null) }).Generator);
    }

    [Fact]
    public void Flow_NullFractionAndUnique_ReadBackWithoutAGenerator()
    {
        var settings = RoundTrip(new ColumnOverride(null) { NullFraction = 0.125, Unique = false });

        Assert.Null(settings.Generator);
        Assert.Equal(0.125, settings.NullFraction);
        Assert.False(settings.Unique);
        Assert.Equal("{}", PlanYaml.Flow(new ColumnOverride(null)));
    }

    [Fact]
    public void Render_AwkwardNames_ParseBackToTheSameNames()
    {
        var plans = new[]
        {
            Table("public", "order \"items\"", Column("yes", "text"), Column("a: b", "integer"), Column("#x", "boolean")),
            Table("dotted", "a.b", Column("c", "text")),
        };

        var yaml = PlanYaml.Render(plans, GenerationProfile.Empty, "u@h:5432/db");
        var uncommented = yaml.Replace("      # ", "      ", StringComparison.Ordinal);
        var table = Assert.Single(GendbConfig.Parse(uncommented, "awkward.yaml").Profile.Tables);

        Assert.Equal("public.order \"items\"", table.Name);
        Assert.Equal(["#x", "a: b", "yes"], table.Columns.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("  # dotted.a.b: a dot in the name", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ConceptColumn_SuggestsFakerAndSaysWhatIsDoneNow()
    {
        var yaml = PlanYaml.Render(
            [Table("public", "customers", Column("email", "text", "email", PlannedSource.Concept, "email (column name \"email\")", "NOT NULL"))],
            GenerationProfile.Empty,
            "u@h:5432/db");

        Assert.Contains("      # email: { generator: faker, path: internet.email }   # now: email (column name \"email\")\n", yaml.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("  \"public.customers\":\n    rows: 100\n", yaml.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("integer", "range")]
    [InlineData("numeric(10,2)", "range")]
    [InlineData("date", "range")]
    [InlineData("timestamp with time zone", "range")]
    [InlineData("boolean", "one_of")]
    [InlineData("character varying(3)", "regex")]
    [InlineData("text", "regex")]
    public void Suggest_ByType_AGeneratorThatParses(string type, string generator)
    {
        var suggestion = PlanYaml.Suggest(Column("c", type));
        var settings = GendbConfig.Parse($"tables:\n  t:\n    columns:\n      c: {suggestion}\n", "s.yaml").Profile.Tables.Single().Columns["c"];

        Assert.Equal(generator, settings.Generator?.Kind);
    }

    [Theory]
    [InlineData(PlannedSource.ForeignKey)]
    [InlineData(PlannedSource.Database)]
    [InlineData(PlannedSource.Null)]
    public void Suggest_ValuesFromElsewhere_Nothing(PlannedSource source)
    {
        Assert.Equal("{}", PlanYaml.Suggest(Column("c", "integer", "x", source)));
    }
}
