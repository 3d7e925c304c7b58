using GenDb.Schema.Tests.Infrastructure;

namespace GenDb.Schema.Tests;

public sealed class PagilaSchemaTests(PagilaFixture fixture) : IClassFixture<PagilaFixture>
{
    private static readonly string[] PagilaTables =
    [
        "actor", "address", "category", "city", "country", "customer", "film", "film_actor",
        "film_category", "inventory", "language", "payment", "rental", "staff", "store",
    ];

    private readonly DatabaseModel _model = fixture.Model(PagilaFixture.Database);

    [Fact]
    public void Tables_Pagila_FifteenTablesPlusPaymentPartitions()
    {
        var topLevel = _model.Tables.Where(t => t.Kind != TableKind.Partition).Select(t => t.Name).Order(StringComparer.Ordinal);
        Assert.Equal(PagilaTables, topLevel);

        var partitions = _model.Tables.Where(t => t.Kind == TableKind.Partition).ToList();
        Assert.Equal(55, partitions.Count);
        Assert.All(partitions, p =>
        {
            Assert.StartsWith("payment_p", p.Name, StringComparison.Ordinal);
            Assert.Equal(new QualifiedName("public", "payment"), p.Parent);
            Assert.StartsWith("FOR VALUES FROM (", p.PartitionBound, StringComparison.Ordinal);
            Assert.Null(p.PartitionKey);
        });
        Assert.All(_model.Tables.Where(t => t.Name != "payment" && t.Kind != TableKind.Partition), t => Assert.Equal(TableKind.Ordinary, t.Kind));
    }

    [Fact]
    public void Payment_Partitioned_HasRangeKey()
    {
        var payment = _model.FindTable("public", "payment")!;

        Assert.Equal(TableKind.Partitioned, payment.Kind);
        Assert.Equal("RANGE (payment_date)", payment.PartitionKey);
        Assert.Null(payment.Parent);
        Assert.Null(payment.PartitionBound);
    }

    [Fact]
    public void MpaaRating_Enum_LabelsInOrder()
    {
        var rating = Assert.IsType<EnumTypeModel>(_model.FindType("public", "mpaa_rating"));

        Assert.Equal(["G", "PG", "PG-13", "R", "NC-17"], rating.Labels);
        var column = _model.FindTable("public", "film")!.Column("rating");
        Assert.Equal(TypeKind.Enum, column.Type.Kind);
        Assert.Equal("public.mpaa_rating", column.TypeSql);
        Assert.Equal("'G'::public.mpaa_rating", column.Default);
    }

    [Fact]
    public void Year_Domain_BaseTypeAndCheck()
    {
        var year = Assert.IsType<DomainTypeModel>(_model.FindType("public", "year"));

        Assert.Equal("integer", year.BaseTypeSql);
        Assert.Equal("int4", year.BaseType.Name);
        var check = Assert.Single(year.Checks);
        Assert.Equal("year_check", check.Name);
        Assert.Equal("CHECK (((VALUE >= 1901) AND (VALUE <= 2155)))", check.Definition);
        Assert.False(year.NotNull);
        Assert.Equal(TypeKind.Domain, _model.FindTable("public", "film")!.Column("release_year").Type.Kind);
    }

    [Fact]
    public void Customer_Columns_SerialKeyAndForeignKey()
    {
        var customer = _model.FindTable("public", "customer")!;

        var id = customer.Column("customer_id");
        Assert.Equal(1, id.Position);
        Assert.True(id.NotNull);
        Assert.Equal("nextval('public.customer_customer_id_seq'::regclass)", id.Default);
        // pagila's dump never says OWNED BY, so the sequence is only used by the default, not owned.
        Assert.Null(id.OwnedSequence);
        Assert.Equal(["customer_id"], customer.PrimaryKey!.Columns);

        var fk = Assert.Single(customer.ForeignKeys, f => f.Columns.SequenceEqual(["address_id"]));
        Assert.Equal(new QualifiedName("public", "address"), fk.Referenced);
        Assert.Equal(["address_id"], fk.ReferencedColumns);
        Assert.Equal(ReferentialAction.Restrict, fk.OnDelete);
        Assert.Equal(ReferentialAction.Cascade, fk.OnUpdate);

        var sequence = _model.FindSequence("public", "customer_customer_id_seq")!;
        Assert.Null(sequence.OwnedBy);
        Assert.Equal(("bigint", 1L, 1L), (sequence.DataType, sequence.Start, sequence.Increment));
    }

    [Fact]
    public void Order_Pagila_ReferencedTablesFirstAndPartitionsAfterParent()
    {
        var graph = DependencyGraph.Build(_model);
        int At(string name) => graph.IndexOf(new QualifiedName("public", name));

        Assert.Equal(_model.Tables.Count, graph.Order.Count);
        Assert.True(At("country") < At("city"));
        Assert.True(At("city") < At("address"));
        Assert.True(At("address") < At("customer"));
        Assert.All(_model.Tables.Where(t => t.Kind == TableKind.Partition), p => Assert.True(At("payment") < At(p.Name)));
        AssertOrderSatisfiesEdges(graph);
    }

    [Fact]
    public void Cycles_Pagila_None()
    {
        // This pagila has no store.manager_staff_id key, so staff -> store is not closed into a cycle.
        var graph = DependencyGraph.Build(_model);

        Assert.Empty(graph.Cycles);
        Assert.False(graph.HasUnbreakableCycles);
        Assert.Contains(graph.Edges, e => e.From.Name == "staff" && e.To.Name == "store");
    }

    [Fact]
    public void ReadAsync_Pagila_FewCatalogQueries()
    {
        Assert.InRange(fixture.QueryCount(PagilaFixture.Database), 1, 8);
    }

    internal static void AssertOrderSatisfiesEdges(DependencyGraph graph)
    {
        foreach (var edge in graph.Edges.Where(e => !e.IsBreakable && graph.CycleOf(e.From) is null))
        {
            Assert.True(graph.IndexOf(edge.To) < graph.IndexOf(edge.From), $"{edge} is out of order");
        }
    }
}
