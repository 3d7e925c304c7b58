namespace GenDb.Schema.Tests;

/// <summary>The graph on hand-built models, for the cases the sample schemas do not have.</summary>
public sealed class DependencyGraphTests
{
    private static ColumnModel Column(string name, bool notNull) =>
        new(name, 1, "integer", new TypeReference(23, "pg_catalog", "int4", TypeKind.Base), null, notNull, null, IdentityKind.None, null, null, null, null);

    private static ConstraintModel ForeignKey(string name, string[] columns, string referenced, bool deferrable = false, bool matchFull = false) =>
        new(name, ConstraintKind.ForeignKey, "FOREIGN KEY", columns, new QualifiedName("s", referenced), columns,
            ReferentialAction.NoAction, ReferentialAction.NoAction, matchFull, deferrable, false, false, true, false);

    private static TableModel Table(string name, ColumnModel[] columns, ConstraintModel[] constraints, string? parent = null) =>
        new("s", name, 0, parent is null ? TableKind.Ordinary : TableKind.Partition, null, null,
            parent is null ? null : new QualifiedName("s", parent), [], columns, constraints, [], null);

    private static QualifiedName Name(string name) => new("s", name);

    [Fact]
    public void Build_SelfReferenceNotNull_ReportedUnbreakableNotThrown()
    {
        var model = new DatabaseModel(
            [Table("node", [Column("id", true), Column("parent_id", true)], [ForeignKey("node_parent_fk", ["parent_id"], "node")])],
            [],
            []);

        var graph = DependencyGraph.Build(model);

        Assert.Equal([Name("node")], graph.Order);
        var cycle = Assert.Single(graph.Cycles);
        Assert.True(cycle.IsSelfReference);
        Assert.False(cycle.IsBreakable);
        Assert.Equal([Name("node")], Assert.Single(graph.UnbreakableCycles));
    }

    [Fact]
    public void Build_MatchFullWithOneNotNullColumn_NotNullable()
    {
        ColumnModel[] columns = [Column("a", true), Column("b", false)];
        var simple = new DatabaseModel([Table("t", columns, [ForeignKey("fk", ["a", "b"], "t")])], [], []);
        var full = new DatabaseModel([Table("t", columns, [ForeignKey("fk", ["a", "b"], "t", matchFull: true)])], [], []);

        Assert.True(Assert.Single(DependencyGraph.Build(simple).Edges).Nullable);
        Assert.False(Assert.Single(DependencyGraph.Build(full).Edges).Nullable);
    }

    [Fact]
    public void Build_DeferrableNotNullCycle_Breakable()
    {
        var model = new DatabaseModel(
            [
                Table("a", [Column("b_id", true)], [ForeignKey("a_b", ["b_id"], "b", deferrable: true)]),
                Table("b", [Column("a_id", true)], [ForeignKey("b_a", ["a_id"], "a")]),
            ],
            [],
            []);

        var graph = DependencyGraph.Build(model);

        var cycle = Assert.Single(graph.Cycles);
        Assert.True(cycle.IsBreakable);
        Assert.Equal("a_b", Assert.Single(cycle.BreakableEdges).Constraint);
        Assert.Equal([Name("a"), Name("b")], cycle.Tables);
    }

    [Fact]
    public void Build_PartitionBeforeParentByName_StillAfterParent()
    {
        var model = new DatabaseModel(
            [
                Table("a_part", [Column("id", true)], [], parent: "z_parent"),
                Table("z_parent", [Column("id", true), Column("ref_id", true)], [ForeignKey("ref_fk", ["ref_id"], "m_ref")]),
                Table("m_ref", [Column("id", true)], []),
            ],
            [],
            []);

        var graph = DependencyGraph.Build(model);

        Assert.Equal([Name("m_ref"), Name("z_parent"), Name("a_part")], graph.Order);
        Assert.Equal([Name("z_parent")], graph.DependenciesOf(Name("a_part")));
        Assert.Empty(graph.Cycles);
    }

    [Fact]
    public void Build_LongChain_NoStackOverflow()
    {
        const int length = 20_000;
        var tables = Enumerable.Range(0, length)
            .Select(i => Table($"t{i:D5}", [Column("next", true)], i + 1 < length ? [ForeignKey($"fk{i}", ["next"], $"t{i + 1:D5}")] : []))
            .ToList();

        var graph = DependencyGraph.Build(new DatabaseModel(tables, [], []));

        Assert.Equal(Name($"t{length - 1:D5}"), graph.Order[0]);
        Assert.Equal(Name("t00000"), graph.Order[^1]);
    }
}
