using GenDb.Schema.Tests.Infrastructure;

namespace GenDb.Schema.Tests;

public sealed class ChinookSchemaTests(ChinookFixture fixture) : IClassFixture<ChinookFixture>
{
    private readonly DatabaseModel _model = fixture.Model(ChinookFixture.Database);

    [Fact]
    public void Tables_Chinook_ElevenOrdinaryTables()
    {
        Assert.Equal(11, _model.Tables.Count);
        Assert.All(_model.Tables, t => Assert.Equal(TableKind.Ordinary, t.Kind));
    }

    [Fact]
    public void Employee_ReportsTo_BreakableSelfCycle()
    {
        var graph = DependencyGraph.Build(_model);
        var employee = new QualifiedName("public", "employee");

        var cycle = Assert.Single(graph.Cycles);
        Assert.True(cycle.IsSelfReference);
        Assert.Equal([employee], cycle.Tables);
        var edge = Assert.Single(cycle.BreakableEdges);
        Assert.Equal(employee, edge.From);
        Assert.Equal(employee, edge.To);
        Assert.Equal(["reports_to"], edge.Columns);
        Assert.True(edge.Nullable);
        Assert.False(edge.Deferrable);
        Assert.True(cycle.IsBreakable);
        Assert.False(graph.HasUnbreakableCycles);
    }

    [Fact]
    public void Order_Chinook_ReferencedFirst()
    {
        var graph = DependencyGraph.Build(_model);
        int At(string name) => graph.IndexOf(new QualifiedName("public", name));

        Assert.True(At("artist") < At("album"));
        Assert.True(At("album") < At("track"));
        Assert.True(At("track") < At("invoice_line"));
        Assert.True(At("employee") < At("customer"));
        Assert.True(At("customer") < At("invoice"));
        PagilaSchemaTests.AssertOrderSatisfiesEdges(graph);
    }

    [Fact]
    public void ReadAsync_Chinook_OneCatalogQuery()
    {
        Assert.InRange(fixture.QueryCount(ChinookFixture.Database), 1, 8);
    }
}
