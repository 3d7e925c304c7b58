using GenDb.Cli.Terminal;
using GenDb.Generation.Engine;
using GenDb.Schema;
using Spectre.Console.Testing;

namespace GenDb.IntegrationTests.Cli;

/// <summary>The progress display and the plan table, driven by hand against a <see cref="TestConsole"/>: no database involved.</summary>
public sealed class TerminalViewTests
{
    private static readonly QualifiedName Customers = new("public", "customers");
    private static readonly QualifiedName Orders = new("public", "orders");

    /// <summary>Two tables as the engine reports them, rows written from other threads, as the COPY does.</summary>
    private static async Task<IReadOnlyList<FinishedTable>> DriveAsync(TestConsole console) =>
        await GenerationProgress.RunAsync(console, async progress =>
        {
            await progress.TableStartedAsync(Customers, 500, TestContext.Current.CancellationToken);
            await Task.WhenAll(Enumerable.Range(1, 5).Select(i => Task.Run(() => progress.RowsWritten(Customers, i * 100))));
            await progress.TableFinishedAsync(new TableReport(Customers, new QualifiedName("gendb_default__public", "customers"), 500, 120, null), TestContext.Current.CancellationToken);
            await progress.TableStartedAsync(Orders, 2000, TestContext.Current.CancellationToken);
            progress.RowsWritten(Orders, 1000);
            await progress.TableFinishedAsync(new TableReport(Orders, new QualifiedName("gendb_default__public", "orders"), 2000, 0, "7 candidate rows were set aside"), TestContext.Current.CancellationToken);
            progress.Complete([new FinishedTable("public.customers", 500, 120, null), new FinishedTable("public.reviews", 10, 5, null)]);
            return progress.Finished;
        });

    [Fact]
    public async Task Progress_NotATerminal_OneLinePerTableAsScriptsReadThem()
    {
        using var console = new TestConsole();

        var finished = await DriveAsync(console);

        Assert.Equal(
            [
                "public.customers: 500 rows in 120 ms (4,166 rows/s)",
                "public.orders: 2,000 rows in 0 ms (2,000,000 rows/s); 7 candidate rows were set aside",
                "public.reviews: 10 rows in 5 ms (2,000 rows/s)",
            ],
            console.Output.TrimEnd('\n').Split('\n'));
        Assert.Equal(["public.customers", "public.orders", "public.reviews"], finished.Select(f => f.Name));
    }

    [Fact]
    public async Task Progress_AtATerminal_ABarPerTableWithRowsAndRate()
    {
        using var console = new TestConsole().Width(120).Interactive().EmitAnsiSequences();

        await DriveAsync(console);

        var screen = CliRunner.WithoutAnsi(console.Output);
        Assert.Matches(@"public\.customers\s.*500 rows\s+4,166 rows/s", screen);
        Assert.Matches(@"public\.orders\s.*2,000 rows\s+2,000,000 rows/s", screen);
        Assert.Matches(@"public\.reviews\s.*10 rows", screen);
        Assert.Contains("public.orders: 7 candidate rows were set aside", screen, StringComparison.Ordinal);
        Assert.DoesNotContain("public.customers: 500 rows in", screen, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_SaysRowsTablesTimeSeedAndScenario()
    {
        Assert.Equal("done: 1,510 rows in 2 tables in 412 ms (seed 42, scenario default)",
            GenerationProgress.Summary([new("a.b", 1500, 1, null), new("a.c", 10, 1, null)], TimeSpan.FromMilliseconds(412), 42, "default"));
        Assert.Equal("done: 0 rows in 0 tables in 12.5 s (seed 1, scenario load_test)",
            GenerationProgress.Summary([], TimeSpan.FromSeconds(12.5), 1, "load_test"));
    }

    [Fact]
    public void PlanView_EveryColumnWithTypeGeneratorWhyAndConstraints()
    {
        using var console = new TestConsole().Width(160);
        PlannedColumn[] columns =
        [
            new("id", "integer", "serial", PlannedSource.Database, "DEFAULT nextval('customers_id_seq')", ["NOT NULL", "PRIMARY KEY"]),
            new("email", "text", "email", PlannedSource.Concept, "email (column name \"email\")", ["UNIQUE"]),
            new("status", "text", "one_of", PlannedSource.Override, "gendb.yaml:4:9: table entry", []),
            new("[weird]", "text", "text", PlannedSource.TypeFallback, "text (type fallback)", []),
        ];

        PlanView.Write(console, [new PlannedTable(Customers, new QualifiedName("gendb_default__public", "customers"), 500, "COPY straight in", columns, ["a note"])]);

        var lines = console.Output.Split('\n');
        Assert.Contains(lines, l => l.Contains("public.customers", StringComparison.Ordinal));
        Assert.Contains("500 rows into gendb_default__public.customers, load: COPY straight in", console.Output, StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("│ id ", StringComparison.Ordinal) && l.Contains("serial", StringComparison.Ordinal) && l.Contains("PostgreSQL: DEFAULT", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("│ email ", StringComparison.Ordinal) && l.Contains("detected: column name \"email\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("│ status ", StringComparison.Ordinal) && l.Contains("gendb.yaml: gendb.yaml:4:9", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("│ [weird] ", StringComparison.Ordinal) && l.Contains("type: type fallback", StringComparison.Ordinal));
        Assert.Contains("note: a note", console.Output, StringComparison.Ordinal);
    }
}
