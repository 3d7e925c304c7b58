using GenDb.Schema.Tests.Infrastructure;

namespace GenDb.Schema.Tests;

public sealed class KitchenSinkSchemaTests(KitchenSinkFixture fixture) : IClassFixture<KitchenSinkFixture>
{
    private const string SalesDept = "Sales Dept";

    private readonly DatabaseModel _model = fixture.Model(KitchenSinkFixture.Database);

    private TableModel Table(string schema, string name) =>
        _model.FindTable(schema, name) ?? throw new Xunit.Sdk.XunitException($"{schema}.{name} was not read");

    [Fact]
    public void Tables_GendbSchemaAndViews_Skipped()
    {
        Assert.DoesNotContain(_model.Tables, t => t.Schema.StartsWith("gendb_", StringComparison.Ordinal));
        Assert.Null(_model.FindTable("shop", "customer_emails"));
        Assert.Equal(
            ["Sales Dept.Sales Rep", "Sales Dept.Team", "Sales Dept.chicken", "Sales Dept.egg", "Sales Dept.order", "Sales Dept.region",
             "shop.booking", "shop.customer", "shop.orders", "shop.orders_2024", "shop.orders_2025", "shop.product"],
            _model.Tables.Select(t => t.QualifiedName.ToString()));
    }

    [Fact]
    public void QuotedNames_MixedCaseSpacesReservedWord_ReadVerbatim()
    {
        var order = Table(SalesDept, "order");
        Assert.Equal("Quoted on purpose", order.Comment);
        Assert.Equal(["Order Id", "Rep"], order.Columns.Select(c => c.Name));
        Assert.Equal("\"Sales Dept\".\"order\"", order.QualifiedName.Sql);

        var fk = Assert.Single(order.ForeignKeys);
        Assert.Equal(new QualifiedName(SalesDept, "Sales Rep"), fk.Referenced);
        Assert.Equal(["Rep Id"], fk.ReferencedColumns);
    }

    [Fact]
    public void Identity_AlwaysAndByDefault_WithSequences()
    {
        var id = Table("shop", "customer").Column("id");
        Assert.Equal(IdentityKind.Always, id.Identity);
        Assert.Null(id.Default);
        Assert.Equal(new QualifiedName("shop", "customer_id_seq"), id.OwnedSequence);

        var productId = Table("shop", "product").Column("product_id");
        Assert.Equal(IdentityKind.ByDefault, productId.Identity);
        var sequence = _model.FindSequence("shop", "product_product_id_seq")!;
        Assert.Equal(new SequenceOwner(new QualifiedName("shop", "product"), "product_id", IsIdentity: true), sequence.OwnedBy);
        Assert.Equal((100L, 5L, "bigint"), (sequence.Start, sequence.Increment, sequence.DataType));
    }

    [Fact]
    public void Serial_DefaultAndOwnedSequence()
    {
        var bookingId = Table("shop", "booking").Column("booking_id");

        Assert.Equal(IdentityKind.None, bookingId.Identity);
        Assert.Equal("nextval('shop.booking_booking_id_seq'::regclass)", bookingId.Default);
        Assert.Equal(new QualifiedName("shop", "booking_booking_id_seq"), bookingId.OwnedSequence);
        Assert.False(_model.FindSequence("shop", "booking_booking_id_seq")!.OwnedBy!.IsIdentity);
    }

    [Fact]
    public void Sequences_StandaloneOptions_Read()
    {
        var invoice = _model.FindSequence("shop", "invoice_no")!;
        Assert.Equal(("integer", 1000L, 10L, 1000L, 99999L, true), (invoice.DataType, invoice.Start, invoice.Increment, invoice.Min, invoice.Max, invoice.Cycle));
        Assert.Null(invoice.OwnedBy);
        Assert.Null(_model.FindSequence("shop", "free_counter")!.OwnedBy);
    }

    [Fact]
    public void GeneratedColumn_ExpressionNotDefault()
    {
        var domain = Table("shop", "customer").Column("email_domain");

        Assert.True(domain.IsGenerated);
        Assert.Equal("split_part(email, '@'::text, 2)", domain.GeneratedExpression);
        Assert.Null(domain.Default);
    }

    [Fact]
    public void Collation_OnlyWhenNotTheTypeDefault()
    {
        var customer = Table("shop", "customer");

        Assert.Equal(new QualifiedName("pg_catalog", "C"), customer.Column("name").Collation);
        Assert.Null(customer.Column("email").Collation);
        var address = Assert.IsType<CompositeTypeModel>(_model.FindType("shop", "address"));
        Assert.Equal(new QualifiedName("pg_catalog", "C"), address.Attributes.Single(a => a.Name == "city").Collation);
        Assert.Null(address.Attributes.Single(a => a.Name == "street").Collation);
    }

    [Fact]
    public void ColumnTypes_ArraysCompositeRangeDomainEnum()
    {
        var customer = Table("shop", "customer");

        var tags = customer.Column("tags");
        Assert.True(tags.IsArray);
        Assert.Equal("text[]", tags.TypeSql);
        Assert.Equal("text", tags.ElementType!.Name);
        Assert.Equal("'{}'::text[]", tags.Default);
        Assert.Equal("int4", customer.Column("scores").ElementType!.Name);
        Assert.Equal(TypeKind.Composite, customer.Column("home").Type.Kind);
        Assert.Equal(TypeKind.Enum, customer.Column("status").Type.Kind);
        Assert.Equal(TypeKind.Domain, customer.Column("budget").Type.Kind);
        Assert.Equal(TypeKind.Range, Table("shop", "booking").Column("during").Type.Kind);
        Assert.Equal(TypeKind.Range, Table("shop", "product").Column("price_band").Type.Kind);
        Assert.Equal("Login, unique ignoring case", customer.Column("email").Comment);
        Assert.Equal("People who buy", customer.Comment);
    }

    [Fact]
    public void Types_EnumDomainCompositeRange_Read()
    {
        var status = Assert.IsType<EnumTypeModel>(_model.FindType("shop", "order_status"));
        Assert.Equal(["new", "paid", "shipped", "cancelled"], status.Labels);
        Assert.Equal("Lifecycle of an order", status.Comment);

        var money = Assert.IsType<DomainTypeModel>(_model.FindType("shop", "positive_money"));
        Assert.Equal("numeric(12,2)", money.BaseTypeSql);
        Assert.True(money.NotNull);
        Assert.Equal("0", money.Default);
        Assert.Equal("CHECK ((VALUE >= (0)::numeric))", Assert.Single(money.Checks).Definition);

        var address = Assert.IsType<CompositeTypeModel>(_model.FindType("shop", "address"));
        Assert.Equal(["street", "city", "zip"], address.Attributes.Select(a => a.Name));
        Assert.Equal("character varying(10)", address.Attributes[2].TypeSql);

        var range = Assert.IsType<RangeTypeModel>(_model.FindType("shop", "price_range"));
        Assert.Equal("numeric", range.SubtypeSql);
        Assert.Equal(new QualifiedName("shop", "price_multirange"), range.Multirange);

        Assert.DoesNotContain(_model.Types, t => t.Name is "customer" or "product");
    }

    [Fact]
    public void UniqueConstraints_MultiColumnAndNullsNotDistinct()
    {
        var product = Table("shop", "product");

        var vendorSku = product.FindConstraint("product_vendor_sku_key")!;
        Assert.Equal(ConstraintKind.Unique, vendorSku.Kind);
        Assert.Equal(["vendor", "sku"], vendorSku.Columns);
        Assert.False(vendorSku.NullsNotDistinct);

        var barcode = product.FindConstraint("product_barcode_key")!;
        Assert.True(barcode.NullsNotDistinct);
        Assert.Equal("UNIQUE NULLS NOT DISTINCT (barcode)", barcode.Definition);
        Assert.True(product.FindIndex("product_barcode_key")!.NullsNotDistinct);
        Assert.True(product.FindIndex("product_barcode_key")!.BacksConstraint);
    }

    [Fact]
    public void Indexes_PartialAndExpression_Read()
    {
        var partial = Table("shop", "product").FindIndex("product_active_sku_key")!;
        Assert.True(partial.IsUnique);
        Assert.False(partial.BacksConstraint);
        Assert.Equal("(NOT discontinued)", partial.Predicate);
        Assert.False(partial.IsExpression);
        Assert.Equal(["sku"], partial.Columns);
        Assert.Equal("CREATE UNIQUE INDEX product_active_sku_key ON shop.product USING btree (sku) WHERE (NOT discontinued)", partial.Definition);

        var expression = Table("shop", "customer").FindIndex("customer_email_lower_key")!;
        Assert.True(expression.IsUnique);
        Assert.True(expression.IsExpression);
        Assert.Null(expression.Predicate);
        Assert.Equal([null], expression.Columns);
        Assert.Equal("CREATE UNIQUE INDEX customer_email_lower_key ON shop.customer USING btree (lower(email))", expression.Definition);

        var primary = Table("shop", "customer").FindIndex("customer_pkey")!;
        Assert.True(primary.IsPrimary && primary.BacksConstraint);
    }

    [Fact]
    public void Exclude_GistOnRange_Read()
    {
        var exclude = Table("shop", "booking").FindConstraint("booking_no_overlap")!;

        Assert.Equal(ConstraintKind.Exclude, exclude.Kind);
        Assert.Equal("EXCLUDE USING gist (during WITH &&)", exclude.Definition);
        Assert.Equal(["during"], exclude.Columns);
        Assert.True(Table("shop", "booking").FindIndex("booking_no_overlap")!.BacksConstraint);
    }

    [Fact]
    public void Partitions_KindsKeyBoundsAndInheritedConstraints()
    {
        var orders = Table("shop", "orders");
        Assert.Equal(TableKind.Partitioned, orders.Kind);
        Assert.Equal("RANGE (ordered_at)", orders.PartitionKey);
        var check = Assert.Single(orders.Constraints, c => c.Kind == ConstraintKind.Check);
        Assert.Equal("CHECK ((total >= (0)::numeric))", check.Definition);
        var fk = Assert.Single(orders.ForeignKeys);
        Assert.Equal(ReferentialAction.Cascade, fk.OnDelete);
        Assert.False(fk.IsInherited);

        var p2024 = Table("shop", "orders_2024");
        Assert.Equal(TableKind.Partition, p2024.Kind);
        Assert.Equal(orders.QualifiedName, p2024.Parent);
        Assert.Empty(p2024.InheritsFrom);
        Assert.Equal("FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')", p2024.PartitionBound);
        Assert.All(p2024.ForeignKeys, f => Assert.True(f.IsInherited));
    }

    [Fact]
    public void Cycle_ThreeTables_BrokenByNullableDeferrableEdge()
    {
        var graph = DependencyGraph.Build(_model);
        var region = new QualifiedName(SalesDept, "region");

        var cycle = graph.CycleOf(region)!;
        Assert.Equal(3, cycle.Tables.Count);
        Assert.True(cycle.IsBreakable);
        Assert.Equal(3, cycle.Edges.Count);
        var breakable = Assert.Single(cycle.BreakableEdges);
        Assert.Equal("team_region_fk", breakable.Constraint);
        Assert.True(breakable.Nullable && breakable.Deferrable);

        // With team -> region broken: region after its rep, the rep after the team.
        Assert.Equal(
            [new QualifiedName(SalesDept, "Team"), new QualifiedName(SalesDept, "Sales Rep"), region],
            cycle.Tables);
        Assert.True(graph.IndexOf(new QualifiedName(SalesDept, "Sales Rep")) < graph.IndexOf(new QualifiedName(SalesDept, "order")));

        var fk = Table(SalesDept, "Team").FindConstraint("team_region_fk")!;
        Assert.True(fk.Deferrable && fk.InitiallyDeferred);
    }

    [Fact]
    public void Cycle_NotNullNotDeferrable_ReportedAsUnbreakable()
    {
        var graph = DependencyGraph.Build(_model);

        Assert.True(graph.HasUnbreakableCycles);
        var unbreakable = Assert.Single(graph.UnbreakableCycles);
        Assert.Equal([new QualifiedName(SalesDept, "chicken"), new QualifiedName(SalesDept, "egg")], unbreakable);
        Assert.Empty(graph.CycleOf(new QualifiedName(SalesDept, "egg"))!.BreakableEdges);
    }

    [Fact]
    public void Cycle_SelfReference_Breakable()
    {
        var graph = DependencyGraph.Build(_model);

        var cycle = graph.CycleOf(new QualifiedName("shop", "customer"))!;
        Assert.True(cycle.IsSelfReference);
        Assert.Equal("customer_referrer_id_fkey", Assert.Single(cycle.BreakableEdges).Constraint);
    }

    [Fact]
    public void Order_KitchenSink_PartitionsAfterParentAfterCustomer()
    {
        var graph = DependencyGraph.Build(_model);
        int At(string name) => graph.IndexOf(new QualifiedName("shop", name));

        Assert.Equal(_model.Tables.Count, graph.Order.Distinct().Count());
        Assert.True(At("customer") < At("orders"));
        Assert.True(At("orders") < At("orders_2024"));
        Assert.True(At("orders") < At("orders_2025"));
        PagilaSchemaTests.AssertOrderSatisfiesEdges(graph);
    }

    [Fact]
    public void ReadAsync_KitchenSink_AtMostEightCatalogQueries()
    {
        Assert.InRange(fixture.QueryCount(KitchenSinkFixture.Database), 1, 8);
    }
}
