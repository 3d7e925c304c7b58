using System.Net;
using GenDb.Cli;

namespace GenDb.IntegrationTests.Cli;

/// <summary>What <c>gendb demo</c> suggests once it runs; no cluster involved.</summary>
public sealed class DemoBannerTests
{
    private static readonly string Banner = DemoCommand.Banner("127.0.0.1", 54321, new IPEndPoint(IPAddress.Loopback, 5433));

    [Fact]
    public void Banner_FirstCommands_InTheOrderThatShowsTheRoute()
    {
        string[] inOrder =
        [
            "CALL gendb.generate_data(include => 'customers', rows => 500);",
            "CALL gendb.return_generated(include => 'customers');",
            "SELECT * FROM customers LIMIT 5;",
            "CALL gendb.return_actual(include => 'customers');",
            "gendb inspect --db \"postgresql://demo:demo@127.0.0.1:54321/shop\"",
            "gendb generate --db \"postgresql://demo:demo@127.0.0.1:54321/shop\"",
        ];

        var positions = inOrder.Select(text => Banner.IndexOf(text, StringComparison.Ordinal)).ToList();

        Assert.All(positions, p => Assert.True(p >= 0, Banner));
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void Banner_PsqlThroughTheProxy_StillFirst()
    {
        Assert.Contains("psql \"postgresql://demo:demo@127.0.0.1:5433/shop\"", Banner, StringComparison.Ordinal);
        Assert.True(Banner.IndexOf("psql ", StringComparison.Ordinal) < Banner.IndexOf("CALL gendb.generate_data", StringComparison.Ordinal));
    }

    [Fact]
    public void DirectConnectionUri_ResolvesToTheDemosDatabase()
    {
        var builder = ConnectionStrings.Resolve(DemoCommand.DirectConnectionUri("127.0.0.1", 54321), _ => null);

        Assert.Equal(("127.0.0.1", 54321, "demo", "demo", "shop"), (builder.Host, builder.Port, builder.Username, builder.Password, builder.Database));
    }
}
