using GenDb.Generation.Constraints;
using GenDb.Generation.Values;
using GenDb.Schema;
using GenDb.Schema.Synthetic;

namespace GenDb.Generation.Engine;

/// <summary>
/// Decides, for one table, where every column's values come from and whether its rows can go
/// straight into the table or must first pass PostgreSQL's own judgement of its constraints.
/// </summary>
internal static class TablePlanner
{
    /// <summary>The share of NULLs in a nullable column that has no reason to be full.</summary>
    public const double DefaultNullFraction = 0.1;

    /// <summary>The share of NULLs in a nullable foreign key.</summary>
    public const double ForeignKeyNullFraction = 0.05;

    public static TablePlan Build(
        DatabaseModel model,
        TableModel table,
        long rows,
        string scenario,
        IReadOnlySet<(QualifiedName Table, string Constraint)> deferred,
        bool appendToExistingRows)
    {
        var plan = new TablePlan(table, SyntheticCopyBuilder.Target(table.QualifiedName, scenario), rows);
        var partitions = Descendants(model, table).ToList();

        // Unique keys: constraints and unique indexes of the table (a partitioned table's are on the root).
        foreach (var constraint in table.Constraints.Where(c => c.Kind is ConstraintKind.PrimaryKey or ConstraintKind.Unique))
        {
            plan.UniqueKeys.Add(new UniqueKey(constraint.Name, constraint.Columns, IsPlain: true, constraint.NullsNotDistinct));
        }

        foreach (var index in table.Indexes.Where(i => i.IsUnique && !i.BacksConstraint && !i.IsPrimary))
        {
            var plain = index.Predicate is null && !index.IsExpression && index.Columns.All(c => c is not null);
            plan.UniqueKeys.Add(new UniqueKey(index.Name, [.. index.Columns.Where(c => c is not null).Select(c => c!)], plain, index.NullsNotDistinct));
            if (!plain)
            {
                plan.FilterReasons.Add($"unique index {index.Name} has an expression or a predicate");
            }
        }

        if (table.Constraints.Any(c => c.Kind == ConstraintKind.Exclude) || partitions.Any(p => p.Constraints.Any(c => c.Kind == ConstraintKind.Exclude)))
        {
            plan.FilterReasons.Add("exclusion constraint");
        }

        if (appendToExistingRows && plan.UniqueKeys.Count > 0)
        {
            plan.FilterReasons.Add("appending to rows already there");
        }

        // Foreign keys: the root's and those the partitions declare themselves (Pagila's payment).
        var seenKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var foreignKey in table.ForeignKeys.Concat(partitions.SelectMany(p => p.ForeignKeys.Where(fk => !fk.IsInherited))))
        {
            var parent = RootOf(model, foreignKey.Referenced!);
            var signature = string.Join(',', foreignKey.Columns) + "->" + parent + "(" + string.Join(',', foreignKey.ReferencedColumns) + ")";
            if (!seenKeys.Add(signature) || plan.ForeignKeys.Any(k => k.Constraint.Columns.Intersect(foreignKey.Columns).Any()))
            {
                continue;
            }

            var isDeferred = deferred.Contains((table.QualifiedName, foreignKey.Name));
            var key = new ForeignKeyPlan(foreignKey, parent, isDeferred)
            {
                Nullable = foreignKey.Columns.All(c => !table.Column(c).NotNull),
                Unique = plan.UniqueKeys.Any(u => u.IsPlain && u.Columns.Count > 0 && u.Columns.All(foreignKey.Columns.Contains)),
            };
            plan.ForeignKeys.Add(key);
        }

        // CHECK constraints: each is kept as SQL for filtering; the rules of all of them are read
        // together, so two checks bounding one column combine into the tighter bounds.
        var checks = table.Constraints.Where(c => c.Kind == ConstraintKind.Check).ToList();
        foreach (var check in checks)
        {
            var analysis = CheckReader.Read(check.Definition);
            if (!analysis.FullyUnderstood || analysis.Relations.Count > 0)
            {
                plan.FilterReasons.Add($"check constraint {check.Name} is judged by PostgreSQL");
            }

            plan.Checks.Add((check.Name, CheckExpression(check.Definition)));
        }

        var combined = CheckReader.ReadAll(checks.Select(c => c.Definition));

        var partitionRules = PartitionRules(model, table, plan);

        foreach (var column in table.Columns.OrderBy(c => c.Position))
        {
            if (column.IsGenerated || column.IsIdentity || IsSequenceDefault(column))
            {
                continue;
            }

            var foreignKey = plan.ForeignKeys.FirstOrDefault(k => k.Constraint.Columns.Contains(column.Name));
            if (foreignKey is not null)
            {
                plan.Columns.Add(new ColumnPlan(column, foreignKey.Deferred ? ColumnSource.Deferred : ColumnSource.ForeignKey)
                {
                    ForeignKey = foreignKey,
                    KeyPart = IndexOf(foreignKey.Constraint.Columns, column.Name),
                });
                if (foreignKey.Deferred && column.NotNull)
                {
                    plan.RelaxedNotNull.Add(column.Name);
                }

                continue;
            }

            var rules = combined.For(column.Name);
            var notNull = column.NotNull || IsNotNullDomain(model, column) || rules.NotNull;

            if (partitionRules is { } partition && partition.Column == column.Name)
            {
                notNull |= partition.Rules.NotNull;
                rules = rules.IsEmpty ? partition.Rules : rules with { Intervals = partition.Rules.Intervals, AllowedValues = rules.AllowedValues ?? partition.Rules.AllowedValues };
            }

            // Columns of an exclusion constraint are made unique: unique ranges are also disjoint.
            var unique = plan.UniqueKeys.Any(u => u.IsPlain && u.Columns.Count == 1 && u.Columns[0] == column.Name)
                || table.Constraints.Any(c => c.Kind == ConstraintKind.Exclude && c.Columns.Contains(column.Name));
            var columnPlan = new ColumnPlan(column, ColumnSource.Generated);
            try
            {
                columnPlan.Generator = ValueGenerators.ForColumn(table, column, model, rules, unique);
            }
            catch (GenerationException) when (!notNull)
            {
                columnPlan.Source = ColumnSource.Null;
                plan.Notes.Add($"column {column.Name} ({column.TypeSql}) is left NULL: GenDB cannot generate that type");
            }

            var inUniqueKey = plan.UniqueKeys.Any(u => u.Columns.Contains(column.Name));
            columnPlan.NullFraction = notNull || inUniqueKey ? 0 : DefaultNullFraction;
            plan.Columns.Add(columnPlan);
        }

        // Columns NULL together follow the first of them.
        foreach (var coupling in combined.NullCouplings)
        {
            var first = plan.Columns.FirstOrDefault(c => c.Column.Name == coupling.First && c.Source == ColumnSource.Generated);
            var second = plan.Columns.FirstOrDefault(c => c.Column.Name == coupling.Second && c.Source == ColumnSource.Generated);
            if (first is null || second is null)
            {
                plan.FilterReasons.Add($"columns {coupling.First} and {coupling.Second} are NULL together");
                continue;
            }

            var (leader, follower) = plan.Columns.IndexOf(first) < plan.Columns.IndexOf(second) ? (first, second) : (second, first);
            leader.NullFraction = Math.Max(leader.NullFraction, follower.NullFraction);
            follower.NullLeader = leader;
        }

        foreach (var key in plan.ForeignKeys)
        {
            var first = plan.Columns.First(c => c.ForeignKey == key);
            first.PicksKey = true;
            first.NullFraction = key.Nullable && !key.Unique && !key.Deferred ? ForeignKeyNullFraction : 0;
        }

        // A unique key holds by construction when one of its columns is unique by construction (and
        // never NULL), or it is exactly a foreign key whose rows each get their own parent row.
        foreach (var key in plan.UniqueKeys.Where(k => k.IsPlain))
        {
            var byColumn = key.Columns.Any(name => plan.Columns.Any(c => c.Column.Name == name && c.Source == ColumnSource.Generated && c.Generator!.IsUnique && c.NullFraction == 0));
            var byForeignKey = plan.ForeignKeys.Any(k => k.Unique && !k.Deferred && key.Columns.All(k.Constraint.Columns.Contains));
            var bySequence = key.Columns.Any(name => table.FindColumn(name) is { } c && (c.IsIdentity || IsSequenceDefault(c)));
            if (!byColumn && !byForeignKey && !bySequence)
            {
                plan.FilterReasons.Add($"unique key {key.Name} is checked by PostgreSQL");
            }
        }

        return plan;
    }

    /// <summary>A domain declared NOT NULL refuses NULL even in a nullable column.</summary>
    private static bool IsNotNullDomain(DatabaseModel model, ColumnModel column) =>
        column.Type.Kind == TypeKind.Domain && model.FindType(column.Type.Schema, column.Type.Name) is DomainTypeModel { NotNull: true };

    /// <summary>The partitions (at any depth) of a partitioned table.</summary>
    public static IEnumerable<TableModel> Descendants(DatabaseModel model, TableModel table)
    {
        foreach (var child in model.Tables.Where(t => t.Parent == table.QualifiedName))
        {
            yield return child;
            foreach (var grandchild in Descendants(model, child))
            {
                yield return grandchild;
            }
        }
    }

    /// <summary>The table itself, or the root of the partition tree it belongs to.</summary>
    public static QualifiedName RootOf(DatabaseModel model, QualifiedName name)
    {
        var table = model.FindTable(name);
        while (table?.Parent is { } parent && model.FindTable(parent) is { } up)
        {
            table = up;
        }

        return table?.QualifiedName ?? name;
    }

    /// <summary>A default that draws from a sequence (serial): left to PostgreSQL, like identity columns.</summary>
    public static bool IsSequenceDefault(ColumnModel column) =>
        column.Default is { } expression && expression.Contains("nextval(", StringComparison.Ordinal);

    /// <summary><c>CHECK ((a &gt; 0)) NOT VALID</c> → <c>((a &gt; 0))</c>.</summary>
    public static string CheckExpression(string definition)
    {
        var text = definition.Trim();
        if (text.EndsWith(" NOT VALID", StringComparison.Ordinal))
        {
            text = text[..^" NOT VALID".Length];
        }

        if (text.EndsWith(" NO INHERIT", StringComparison.Ordinal))
        {
            text = text[..^" NO INHERIT".Length];
        }

        return text.StartsWith("CHECK ", StringComparison.Ordinal) ? text["CHECK ".Length..] : text;
    }

    private static (string Column, ColumnRules Rules)? PartitionRules(DatabaseModel model, TableModel table, TablePlan plan)
    {
        if (table.Kind != TableKind.Partitioned || table.PartitionKey is null)
        {
            return null;
        }

        var children = model.Tables.Where(t => t.Parent == table.QualifiedName).ToList();
        if (children.Count == 0)
        {
            throw new GenerationException("23514",
                $"partitioned table {table.QualifiedName} has no partitions, so no row can be inserted into it",
                $"Create a partition of {table.QualifiedName} (or a DEFAULT partition), then run gendb.sync and generate again.") { Table = table.QualifiedName.ToString() };
        }

        var rules = PartitionBoundReader.Read(table.PartitionKey, children.Select(c => c.PartitionBound));
        if (rules is null && !children.Any(c => c.PartitionBound == "DEFAULT") && !table.PartitionKey.StartsWith("HASH", StringComparison.Ordinal))
        {
            plan.Notes.Add($"partition key {table.PartitionKey} is not read: values may fall outside every partition");
        }

        return rules;
    }

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        return -1;
    }
}
