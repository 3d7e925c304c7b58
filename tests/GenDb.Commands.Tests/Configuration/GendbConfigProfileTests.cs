using GenDb.Commands.Configuration;
using GenDb.Generation.Profiles;

namespace GenDb.Commands.Tests.Configuration;

public sealed class GendbConfigProfileTests
{
    private const string Path = "gendb.yaml";

    /// <summary>The format as documented on <see cref="GendbConfig"/>, byte for byte.</summary>
    private const string FullExample =
        """
        default_rows: 500
        seed: 42
        locale: en
        routes: [users]
        tables:
          public.customers:
            rows: 2000
            columns:
              email:
                generator: template
                template: "{first_name}.{last_name}@example.com"
                unique: true
              status:
                generator: one_of
                values: [active, inactive, banned]
                weights: [80, 15, 5]
              score:   { generator: range, min: 0, max: 100, distribution: normal }
              code:    { generator: regex, pattern: "[A-Z]{3}-[0-9]{4}" }
              contact: { generator: faker, path: internet.email }
              kind:    { generator: constant, value: retail }
              n:       { generator: sequence, start: 1000, step: 10 }
              legacy:  { generator: skip }
              notes:   { null_fraction: 0.5 }
              nick:    { unique: true }
        column_rules:
          "*_email": { generator: faker, path: internet.email }
          "phone*":  { generator: regex, pattern: "\\+1 [0-9]{3} [0-9]{4}" }
        """;

    private static ColumnOverride Column(string columnYaml, string column = "c") =>
        GendbConfig.Parse($"tables:\n  users:\n    columns:\n      {column}: {columnYaml}\n", Path).Profile.Tables[0].Columns[column];

    private static SourceLocation At(int line, int column) => new(Path, line, column);

    [Fact]
    public void Parse_FullExample_EveryTableColumnAndRuleRead()
    {
        var config = GendbConfig.Parse(FullExample, Path);

        Assert.Equal((500L, 42L, "en"), (config.DefaultRows, config.Seed, config.Locale));
        Assert.Equal("en", config.Profile.Locale);
        var table = Assert.Single(config.Profile.Tables);
        Assert.Equal(new TableProfile("public.customers", At(6, 3)) { Rows = 2000, Columns = table.Columns }, table);
        Assert.Equal(
            ["code", "contact", "email", "kind", "legacy", "n", "nick", "notes", "score", "status"],
            table.Columns.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new ColumnOverride(At(9, 7)) { Generator = new TemplateSpec("{first_name}.{last_name}@example.com", At(10, 9)), Unique = true }, table.Columns["email"]);
        var status = Assert.IsType<OneOfSpec>(table.Columns["status"].Generator);
        Assert.Equal(["active", "inactive", "banned"], status.Values);
        Assert.Equal([80.0, 15.0, 5.0], status.Weights);
        Assert.Equal(At(14, 9), status.Where);
        Assert.Equal(new RangeSpec("0", "100", RangeDistribution.Normal, At(17, 16)), table.Columns["score"].Generator);
        Assert.Equal(new RegexSpec("[A-Z]{3}-[0-9]{4}", At(18, 16)), table.Columns["code"].Generator);
        Assert.Equal(new FakerSpec("internet.email", At(19, 16)), table.Columns["contact"].Generator);
        Assert.Equal(new ConstantSpec("retail", At(20, 16)), table.Columns["kind"].Generator);
        Assert.Equal(new SequenceSpec(1000, 10, At(21, 16)), table.Columns["n"].Generator);
        Assert.Equal(new SkipSpec(At(22, 16)), table.Columns["legacy"].Generator);
        Assert.Equal(new ColumnOverride(At(23, 7)) { NullFraction = 0.5 }, table.Columns["notes"]);
        Assert.Equal(new ColumnOverride(At(24, 7)) { Unique = true }, table.Columns["nick"]);
        Assert.Equal(
            [
                new ColumnRuleProfile("*_email", new ColumnOverride(At(26, 3)) { Generator = new FakerSpec("internet.email", At(26, 14)) }),
                new ColumnRuleProfile("phone*", new ColumnOverride(At(27, 3)) { Generator = new RegexSpec(@"\+1 [0-9]{3} [0-9]{4}", At(27, 14)) }),
            ],
            config.Profile.ColumnRules);

    }

    [Fact]
    public void Parse_OneOfWithWeights_ValuesAndWeights()
    {
        var spec = Assert.IsType<OneOfSpec>(Column("{ generator: one_of, values: [active, inactive, banned], weights: [80, 15, 5.5] }").Generator);

        Assert.Equal(["active", "inactive", "banned"], spec.Values);
        Assert.Equal([80.0, 15.0, 5.5], spec.Weights);
        Assert.Equal(At(4, 10), spec.Where);
    }

    [Fact]
    public void Parse_OneOfNumbersAndBooleans_KeptAsTheirText()
    {
        var spec = Assert.IsType<OneOfSpec>(Column("{ generator: one_of, values: [1, 2.50, true, 'x y', \"007\"] }").Generator);

        Assert.Equal(["1", "2.50", "true", "x y", "007"], spec.Values);
        Assert.Null(spec.Weights);
    }

    [Theory]
    [InlineData("", RangeDistribution.Uniform)]
    [InlineData(", distribution: uniform", RangeDistribution.Uniform)]
    [InlineData(", distribution: normal", RangeDistribution.Normal)]
    [InlineData(", distribution: exponential", RangeDistribution.Exponential)]
    public void Parse_Range_MinMaxAsWrittenAndDistribution(string distribution, RangeDistribution expected) =>
        Assert.Equal(
            new RangeSpec("-1.5e3", "2.50", expected, At(4, 10)),
            Column($"{{ generator: range, min: -1.5e3, max: 2.50{distribution} }}").Generator);

    [Fact]
    public void Parse_RangeOfDates_KeptAsWritten() =>
        Assert.Equal(
            new RangeSpec("2024-01-01", "2024-12-31 23:59:59", RangeDistribution.Uniform, At(4, 10)),
            Column("{ generator: range, min: 2024-01-01, max: '2024-12-31 23:59:59' }").Generator);

    [Fact]
    public void Parse_Regex_PatternWithEscapes() =>
        Assert.Equal(new RegexSpec(@"\+1 [0-9]{3}", At(4, 10)), Column("{ generator: regex, pattern: \"\\\\+1 [0-9]{3}\" }").Generator);

    [Fact]
    public void Parse_Faker_Path() =>
        Assert.Equal(new FakerSpec("address.city", At(4, 10)), Column("{ generator: faker, path: address.city }").Generator);

    [Fact]
    public void Parse_Template_TextWithPlaceholders() =>
        Assert.Equal(new TemplateSpec("{first_name}-{id}", At(4, 10)), Column("{ generator: template, template: '{first_name}-{id}' }").Generator);

    [Theory]
    [InlineData("retail", "retail")]
    [InlineData("42", "42")]
    [InlineData("''", "")]
    [InlineData("null", null)]
    [InlineData("~", null)]
    [InlineData("", null)]
    [InlineData("'~'", "~")]
    [InlineData("\"null\"", "null")]
    public void Parse_Constant_ValueOrNullWhenUnquotedNull(string written, string? expected) =>
        Assert.Equal(new ConstantSpec(expected, At(5, 9)), Column($"\n        generator: constant\n        value: {written}").Generator);

    [Theory]
    [InlineData("{ generator: sequence }", 1, 1)]
    [InlineData("{ generator: sequence, start: 1000 }", 1000, 1)]
    [InlineData("{ generator: sequence, step: -10 }", 1, -10)]
    [InlineData("{ generator: sequence, step: 10, start: -5 }", -5, 10)]
    public void Parse_Sequence_StartAndStepDefaultToOne(string yaml, long start, long step) =>
        Assert.Equal(new SequenceSpec(start, step, At(4, 10)), Column(yaml).Generator);

    [Fact]
    public void Parse_Skip_SkipSpec() =>
        Assert.Equal(new ColumnOverride(At(4, 7)) { Generator = new SkipSpec(At(4, 10)) }, Column("{ generator: skip }"));

    [Fact]
    public void Parse_GeneratorWrittenAfterItsKeys_Read() =>
        Assert.Equal(new FakerSpec("internet.email", At(4, 10)), Column("{ path: internet.email, generator: faker }").Generator);

    [Theory]
    [InlineData("{ null_fraction: 0.25 }", 0.25, null)]
    [InlineData("{ null_fraction: 0 }", 0.0, null)]
    [InlineData("{ null_fraction: 1, unique: false }", 1.0, false)]
    [InlineData("{ unique: True }", null, true)]
    public void Parse_SettingsWithoutGenerator_NoGenerator(string yaml, double? nullFraction, bool? unique) =>
        Assert.Equal(new ColumnOverride(At(4, 7)) { NullFraction = nullFraction, Unique = unique }, Column(yaml));

    [Fact]
    public void Parse_GeneratorWithNullFractionAndUnique_AllRead()
    {
        var column = Column("{ generator: regex, pattern: '[a-z]{8}', null_fraction: 0.1, unique: true }");

        Assert.Equal((0.1, true), (column.NullFraction, column.Unique));
        Assert.IsType<RegexSpec>(column.Generator);
    }

    [Theory]
    [InlineData("users")]
    [InlineData("public.users")]
    [InlineData("'public.users'")]
    public void Parse_TableNames_BareOrQualifiedOrQuoted(string key)
    {
        var table = Assert.Single(GendbConfig.Parse($"tables:\n  {key}: {{ rows: 7 }}\n", Path).Profile.Tables);

        Assert.Equal(key.Trim('\''), table.Name);
        Assert.Equal(7, table.Rows);
        Assert.Equal(At(2, 3), table.Where);
    }

    [Fact]
    public void Parse_TableWithoutSettings_EntryWithNothingSet()
    {
        var table = Assert.Single(GendbConfig.Parse("tables:\n  users:\n", Path).Profile.Tables);

        Assert.Equal(("users", null, 0), (table.Name, table.Rows, table.Columns.Count));
    }

    [Fact]
    public void Parse_TablesInFileOrder_OrderKept()
    {
        var tables = GendbConfig.Parse("tables:\n  zeta: { rows: 1 }\n  alpha: { rows: 2 }\n  public.mid: { rows: 3 }\n", Path).Profile.Tables;

        Assert.Equal(["zeta", "alpha", "public.mid"], tables.Select(t => t.Name));
    }

    [Fact]
    public void Parse_ColumnRules_FileOrderKept()
    {
        var rules = GendbConfig.Parse(
            """
            column_rules:
              "z*": { generator: skip }
              "*_email": { generator: faker, path: internet.email }
              users.a?: { null_fraction: 0.5 }
              "m*": { unique: true }
            """,
            Path).Profile.ColumnRules;

        Assert.Equal(["z*", "*_email", "users.a?", "m*"], rules.Select(r => r.Pattern));
        Assert.Equal([At(2, 3), At(3, 3), At(4, 3), At(5, 3)], rules.Select(r => r.Override.Where));
    }

    [Theory]
    [InlineData("")]
    [InlineData("default_rows: 5\n")]
    [InlineData("tables:\ncolumn_rules:\n")]
    [InlineData("tables: {}\ncolumn_rules: {}\n")]
    public void Parse_NoTablesOrRules_ProfileEmpty(string yaml) =>
        Assert.True(GendbConfig.Parse(yaml, Path).Profile.IsEmpty);

    [Fact]
    public void Parse_LocaleOnly_CopiedIntoProfile()
    {
        var profile = GendbConfig.Parse("locale: pt_BR\n", Path).Profile;

        Assert.Equal("pt_BR", profile.Locale);
        Assert.False(profile.IsEmpty);
    }

    [Fact]
    public void Load_FileOnDisk_LocationsNameTheFile()
    {
        var file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"gendb-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, "tables:\n  users:\n    columns:\n      email: { generator: faker, path: internet.email }\n");
        try
        {
            var config = GendbConfig.Load(file);

            var table = Assert.Single(config.Profile.Tables);
            Assert.Equal(new SourceLocation(file, 2, 3), table.Where);
            Assert.Equal(new SourceLocation(file, 4, 14), table.Columns["email"].Generator?.Where);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Load_FileOnDiskWithMistake_MessageNamesTheFile()
    {
        var file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"gendb-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, "tables:\n  users:\n    rows: lots\n");
        try
        {
            var error = Assert.Throws<GendbConfigException>(() => GendbConfig.Load(file));

            Assert.Equal((file, 3, 11), (error.Path, error.Line, error.Column));
            Assert.StartsWith($"{file}:3:11: rows takes a whole number, not 'lots'", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
