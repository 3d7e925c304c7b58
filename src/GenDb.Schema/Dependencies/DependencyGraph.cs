namespace GenDb.Schema;

/// <summary>
/// The order in which tables can be filled so that foreign keys hold: referenced tables first,
/// partitions after their parent, and the cycles (Tarjan's strongly connected components) with
/// the edges that break them. A cycle that cannot be broken is reported, never thrown.
/// </summary>
public sealed class DependencyGraph
{
    private readonly Dictionary<QualifiedName, List<QualifiedName>> _dependencies;

    private DependencyGraph(
        IReadOnlyList<QualifiedName> order,
        IReadOnlyList<ForeignKeyEdge> edges,
        IReadOnlyList<TableCycle> cycles,
        Dictionary<QualifiedName, List<QualifiedName>> dependencies)
    {
        Order = order;
        Edges = edges;
        Cycles = cycles;
        _dependencies = dependencies;
    }

    /// <summary>Every table of the model, referenced tables before the tables that reference them.</summary>
    public IReadOnlyList<QualifiedName> Order { get; }

    /// <summary>Every foreign key between two tables of the model (a partition's cloned keys excluded: its parent's stand for them).</summary>
    public IReadOnlyList<ForeignKeyEdge> Edges { get; }

    /// <summary>Every cycle, self-references included, in <see cref="Order"/>.</summary>
    public IReadOnlyList<TableCycle> Cycles { get; }

    /// <summary>The cycles that no nullable or deferrable key breaks, as table names.</summary>
    public IReadOnlyList<IReadOnlyList<QualifiedName>> UnbreakableCycles =>
        [.. Cycles.SelectMany(c => c.UnbreakableParts)];

    public bool HasUnbreakableCycles => Cycles.Any(c => !c.IsBreakable);

    /// <summary>The tables <paramref name="table"/> needs first: those its foreign keys reference, and its partition parent.</summary>
    public IReadOnlyList<QualifiedName> DependenciesOf(QualifiedName table) =>
        _dependencies.TryGetValue(table, out var list) ? list : [];

    /// <summary>The cycle <paramref name="table"/> is part of, or null.</summary>
    public TableCycle? CycleOf(QualifiedName table) => Cycles.FirstOrDefault(c => c.Contains(table));

    /// <summary>The position of <paramref name="table"/> in <see cref="Order"/>, or -1.</summary>
    public int IndexOf(QualifiedName table)
    {
        for (var i = 0; i < Order.Count; i++)
        {
            if (Order[i] == table)
            {
                return i;
            }
        }

        return -1;
    }

    public static DependencyGraph Build(DatabaseModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var nodes = model.Tables.Select(t => t.QualifiedName).Order().ToList();
        var known = nodes.ToHashSet();

        var edges = new List<ForeignKeyEdge>();
        foreach (var table in model.Tables)
        {
            // A partition's cloned keys (conparentid <> 0) repeat its parent's, and the partition
            // already comes after its parent.
            foreach (var fk in table.ForeignKeys.Where(fk => !fk.IsInherited && fk.Referenced is not null && known.Contains(fk.Referenced)))
            {
                edges.Add(new ForeignKeyEdge(table.QualifiedName, fk.Referenced!, fk.Name, fk.Columns, IsNullable(table, fk), fk.Deferrable));
            }
        }

        edges.Sort((a, b) => (a.From.CompareTo(b.From), a.To.CompareTo(b.To), string.CompareOrdinal(a.Constraint, b.Constraint)) switch
        {
            (not 0 and var c, _, _) => c,
            (_, not 0 and var c, _) => c,
            (_, _, var c) => c,
        });

        // Partition → parent is structural: never breakable.
        var structural = model.Tables
            .Where(t => t.Parent is not null && known.Contains(t.Parent))
            .Select(t => (From: t.QualifiedName, To: t.Parent!))
            .ToList();

        var targets = edges.Select(e => (e.From, e.To)).Concat(structural).ToLookup(e => e.From, e => e.To);
        var edgesFrom = edges.ToLookup(e => e.From);
        var dependencies = nodes.ToDictionary(n => n, n => targets[n].Distinct().Order().ToList());

        var order = new List<QualifiedName>();
        var cycles = new List<TableCycle>();
        foreach (var component in Tarjan.StronglyConnected(nodes, n => dependencies[n]))
        {
            var members = component.ToHashSet();
            var inner = component.SelectMany(m => edgesFrom[m]).Where(e => members.Contains(e.To)).ToList();
            var isCycle = component.Count > 1 || inner.Any(e => e.IsSelfReference);
            if (!isCycle)
            {
                order.AddRange(component);
                continue;
            }

            // What remains once every breakable key is broken must be acyclic; its own components
            // give the fill order inside the cycle, and any that is still a cycle cannot be broken.
            var remaining = members.ToDictionary(
                m => m,
                m => inner.Where(e => e.From == m && !e.IsBreakable).Select(e => e.To)
                    .Concat(structural.Where(s => s.From == m && members.Contains(s.To)).Select(s => s.To))
                    .Distinct()
                    .Order()
                    .ToList());
            var unbreakable = new List<IReadOnlyList<QualifiedName>>();
            var inside = new List<QualifiedName>();
            foreach (var part in Tarjan.StronglyConnected([.. component.Order()], m => remaining[m]))
            {
                inside.AddRange(part);
                if (part.Count > 1 || remaining[part[0]].Contains(part[0]))
                {
                    unbreakable.Add([.. part.Order()]);
                }
            }

            order.AddRange(inside);
            cycles.Add(new TableCycle(inside, inner, [.. inner.Where(e => e.IsBreakable)], unbreakable));
        }

        return new DependencyGraph(order, edges, cycles, dependencies);
    }

    private static bool IsNullable(TableModel table, ConstraintModel fk)
    {
        var nullable = fk.Columns.Select(c => table.FindColumn(c) is { NotNull: false }).ToList();
        return fk.MatchFull ? nullable.All(n => n) : nullable.Any(n => n);
    }
}
