namespace GenDb.Commands.Tests;

public sealed class ProcedureCatalogTests
{
    private static ProcedureParameter Parameter(string name, GendbType type = GendbType.Text, object? defaultValue = null, bool required = false, params string[] aliases) =>
        new(name, type, defaultValue, required, $"The {name}.", aliases);

    [Fact]
    public void Default_Procedures_AreAllListedByName()
    {
        Assert.Equal(["describe", "drop_scenario", "generate_data", "help", "plan", "reset", "return_actual", "return_generated", "status", "sync"], ProcedureCatalog.Default.Procedures.Select(p => p.Name));
    }

    [Fact]
    public void Default_ReturnGenerated_HasItsSignature()
    {
        Assert.True(ProcedureCatalog.Default.TryGet("return_generated", out var procedure));
        Assert.Equal(
            "gendb.return_generated(include text DEFAULT NULL, exclude text DEFAULT NULL, scenario text DEFAULT 'default', scope text DEFAULT 'session')",
            procedure.Signature);
    }

    [Fact]
    public void Default_ReturnActual_HasItsSignature()
    {
        Assert.True(ProcedureCatalog.Default.TryGet("return_actual", out var procedure));
        Assert.Equal("gendb.return_actual(include text DEFAULT NULL, exclude text DEFAULT NULL, scope text DEFAULT 'session')", procedure.Signature);
    }

    [Theory]
    [InlineData("include", 0)]
    [InlineData("table_name", 0)]
    [InlineData("table_pattern", 0)]
    [InlineData("include_tables", 0)]
    [InlineData("exclude", 1)]
    [InlineData("exclude_tables", 1)]
    [InlineData("scenario", 2)]
    [InlineData("scope", 3)]
    [InlineData("Include", -1)]
    [InlineData("tables", -1)]
    public void IndexOfParameter_NameOrAlias_FindsTheParameter(string name, int expected)
    {
        Assert.Equal(expected, GendbProcedures.ReturnGenerated.IndexOfParameter(name));
    }

    [Fact]
    public void TryGet_UnknownOrOtherCase_False()
    {
        Assert.False(ProcedureCatalog.Default.TryGet("nope", out _));
        Assert.False(ProcedureCatalog.Default.TryGet("HELP", out _));
    }

    [Fact]
    public void HelpRows_Default_OneRowPerProcedureAndParameter()
    {
        var rows = ProcedureCatalog.Default.HelpRows;

        Assert.Equal(
            [
                ("describe", null), ("describe", "table"), ("describe", "scenario"),
                ("drop_scenario", null), ("drop_scenario", "scenario"), ("drop_scenario", "schema"), ("drop_scenario", "force"),
                ("generate_data", null), ("generate_data", "include"), ("generate_data", "exclude"), ("generate_data", "rows"),
                ("generate_data", "seed"), ("generate_data", "scenario"), ("generate_data", "mode"), ("generate_data", "locale"),
                ("help", null),
                ("plan", null), ("plan", "include"), ("plan", "exclude"), ("plan", "rows"), ("plan", "scenario"),
                ("reset", null), ("reset", "include"), ("reset", "exclude"), ("reset", "scenario"),
                ("return_actual", null), ("return_actual", "include"), ("return_actual", "exclude"), ("return_actual", "scope"),
                ("return_generated", null), ("return_generated", "include"), ("return_generated", "exclude"),
                ("return_generated", "scenario"), ("return_generated", "scope"),
                ("status", null),
                ("sync", null), ("sync", "include"), ("sync", "exclude"), ("sync", "scenario"), ("sync", "force"),
            ],
            rows.Select(r => (r.Procedure, r.Parameter)));
    }

    [Fact]
    public void HelpRows_ReturnGeneratedParameters_TypesDefaultsAndAliases()
    {
        var rows = ProcedureCatalog.Default.HelpRows.Where(r => r.Procedure == "return_generated").ToList();

        Assert.Equal(
            [(null, null), ("text", "NULL"), ("text", "NULL"), ("text", "'default'"), ("text", "'session'")],
            rows.Select(r => (r.Type, r.Default)));
        Assert.Equal("Routes this session's queries on the matching tables to their synthetic copies.", rows[0].Description);
        Assert.EndsWith("Also accepted as table_name, table_pattern, include_tables.", rows[1].Description, StringComparison.Ordinal);
        Assert.EndsWith("Also accepted as exclude_tables.", rows[2].Description, StringComparison.Ordinal);
        Assert.All(rows, r => Assert.False(string.IsNullOrWhiteSpace(r.Description)));
    }

    [Fact]
    public void HelpRow_ToValues_FollowsColumnNames()
    {
        var row = new ProcedureHelpRow("p", "x", "integer", null, "d");

        Assert.Equal(["procedure", "parameter", "type", "default", "description"], ProcedureHelpRow.ColumnNames);
        Assert.Equal(["p", "x", "integer", null, "d"], row.ToValues());
    }

    [Fact]
    public void With_NewProcedure_AddedInNameOrderAndInHelp()
    {
        var generate = new ProcedureDefinition("fill", "Generates rows.",
            [Parameter("rows", GendbType.Integer, required: true), Parameter("seed", GendbType.Integer, 42L), Parameter("mode", defaultValue: "append")]);

        var catalog = ProcedureCatalog.Default.With(generate);

        Assert.Equal(["describe", "drop_scenario", "fill", "generate_data", "help", "plan", "reset", "return_actual", "return_generated", "status", "sync"], catalog.Procedures.Select(p => p.Name));
        Assert.Contains(new ProcedureHelpRow("fill", "rows", "integer", null, "The rows."), catalog.HelpRows);
        Assert.Contains(new ProcedureHelpRow("fill", "seed", "integer", "42", "The seed."), catalog.HelpRows);
        Assert.Equal(10, ProcedureCatalog.Default.Procedures.Count);
    }

    [Fact]
    public void With_ExistingName_Replaces()
    {
        var help = new ProcedureDefinition("help", "Other help.", [Parameter("topic")]);

        var catalog = ProcedureCatalog.Default.With(help);

        Assert.True(catalog.TryGet("help", out var found));
        Assert.Same(help, found);
        Assert.Equal(10, catalog.Procedures.Count);
    }

    [Fact]
    public void Constructor_SameProcedureTwice_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ProcedureCatalog([GendbProcedures.Help, GendbProcedures.Help]));
    }

    [Theory]
    [InlineData("a", "a")]
    [InlineData("a", "b", "a")]
    [InlineData("a", "b", "c", "b")]
    public void Constructor_ParameterNameUsedTwice_Throws(string first, string second, params string[] aliasesOfSecond)
    {
        var procedure = new ProcedureDefinition("p", "P.", [Parameter(first), Parameter(second, aliases: aliasesOfSecond)]);

        Assert.Throws<ArgumentException>(() => new ProcedureCatalog([procedure]));
    }

    [Fact]
    public void Constructor_RequiredWithDefault_Throws()
    {
        var procedure = new ProcedureDefinition("p", "P.", [Parameter("a", GendbType.Integer, 1L, required: true)]);

        Assert.Throws<ArgumentException>(() => new ProcedureCatalog([procedure]));
    }

    [Theory]
    [InlineData(GendbType.Integer, 1)]
    [InlineData(GendbType.Integer, "1")]
    [InlineData(GendbType.Text, 1L)]
    [InlineData(GendbType.Boolean, "true")]
    public void Constructor_DefaultOfWrongType_Throws(GendbType type, object defaultValue)
    {
        var procedure = new ProcedureDefinition("p", "P.", [Parameter("a", type, defaultValue)]);

        Assert.Throws<ArgumentException>(() => new ProcedureCatalog([procedure]));
    }

    [Fact]
    public void ProcedureParameter_ToString_IsItsDeclaration()
    {
        Assert.Equal("rows integer", Parameter("rows", GendbType.Integer, required: true).ToString());
        Assert.Equal("flag boolean DEFAULT true", Parameter("flag", GendbType.Boolean, true).ToString());
        Assert.Equal("mode text DEFAULT 'it''s'", Parameter("mode", defaultValue: "it's").ToString());
    }

    [Theory]
    [InlineData(GendbType.Text, "text")]
    [InlineData(GendbType.Integer, "integer")]
    [InlineData(GendbType.Boolean, "boolean")]
    public void SqlName_EachType_IsThePostgresName(GendbType type, string expected)
    {
        Assert.Equal(expected, type.SqlName());
    }
}
