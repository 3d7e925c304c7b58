using GenDb.Commands.Configuration;

namespace GenDb.Commands.Tests;

public sealed class GendbConfigTests
{
    [Fact]
    public void Parse_RoutesAsPatternsAndMappings_Read()
    {
        var config = GendbConfig.Parse(
            """
            routes:
              - users,orders
              - include: 'sales.*'
                exclude: sales.audit_log
                scenario: load_test
            """,
            "gendb.yaml");

        Assert.Equal(
            [new ConfiguredRoute("users,orders", null, "default"), new ConfiguredRoute("sales.*", "sales.audit_log", "load_test")],
            config.Routes);
    }

    [Fact]
    public void Parse_GenerationDefaults_Read()
    {
        var config = GendbConfig.Parse("default_rows: 500\nseed: -42\nlocale: de\n", "gendb.yaml");

        Assert.Equal(500, config.DefaultRows);
        Assert.Equal(-42, config.Seed);
        Assert.Equal("de", config.Locale);
        Assert.False(config.Profile.RealisticEmailDomains);
        Assert.True(GendbConfig.Parse("email_domains: realistic\n", "gendb.yaml").Profile.RealisticEmailDomains);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("# only a comment\n", 0)]
    [InlineData("routes: []\n", 0)]
    public void Parse_EmptyOrNoRoutes_NoRoutes(string yaml, int count) =>
        Assert.Equal(count, GendbConfig.Parse(yaml, "gendb.yaml").Routes.Count);

    [Theory]
    [InlineData("routes:\n  - users\nrouts:\n  - x\n", 3, 1, "unknown setting 'routs'")]
    [InlineData("routes:\n  - include: users\n    incldue: x\n", 3, 5, "unknown route setting 'incldue'")]
    [InlineData("routes: users\n", 1, 9, "routes is a list")]
    [InlineData("routes:\n  - scenario: 'Bad Name'\n", 2, 15, "invalid scenario name")]
    [InlineData("routes:\n  - include: [a, b]\n", 2, 14, "'include' takes a text value")]
    [InlineData("routes:\n  - [unclosed\n", 3, 1, "")]
    [InlineData("default_rows: many\n", 1, 15, "default_rows takes a whole number")]
    [InlineData("seed: 1\ndefault_rows: -5\n", 2, 15, "default_rows must not be negative")]
    [InlineData("locale: [en]\n", 1, 9, "locale takes a locale name")]
    [InlineData("seed: 1\nlocale: klingon\n", 2, 9, "unknown locale 'klingon'")]
    [InlineData("email_domains: real\n", 1, 16, "email_domains is 'reserved'")]
    public void Parse_Mistake_ErrorWithFileLineAndColumn(string yaml, int line, int column, string message)
    {
        var error = Assert.Throws<GendbConfigException>(() => GendbConfig.Parse(yaml, "conf/gendb.yaml"));

        Assert.Equal(("conf/gendb.yaml", line, column), (error.Path, error.Line, error.Column));
        Assert.StartsWith($"conf/gendb.yaml:{line}:{column}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_ErrorNamingIt()
    {
        var error = Assert.Throws<GendbConfigException>(() => GendbConfig.Load("/no/such/dir/gendb.yaml"));

        Assert.StartsWith("/no/such/dir/gendb.yaml:0:0: cannot read the file", error.Message, StringComparison.Ordinal);
    }
}
