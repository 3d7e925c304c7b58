using GenDb.Generation.Constraints;
using GenDb.Generation.Profiles;
using GenDb.Generation.Randomness;
using GenDb.Generation.Semantics;
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
        GenerationOptions options,
        IGeneratorChooser chooser,
        IReadOnlySet<(QualifiedName Table, string Constraint)> deferred,
        bool appendToExistingRows)
    {
        var plan = new TablePlan(table, SyntheticCopyBuilder.Target(table.QualifiedName, options.Scenario), rows);
        var tableProfile = options.Profile.TableFor(table.QualifiedName);
        var tableSeed = StableSeed.Derive(options.Seed, table.Schema, table.Name);
        foreach (var (name, entry) in tableProfile?.Columns ?? new Dictionary<string, ColumnOverride>())
        {
            if (table.FindColumn(name) is null)
            {
                throw new GenerationException("F0000",
                    $"{entry.Where?.ToString() ?? "gendb.yaml"}: {table.QualifiedName} has no column \"{name}\"",
                    $"Its columns are: {string.Join(", ", table.Columns.OrderBy(c => c.Position).Select(c => c.Name))}.")
                { Table = table.QualifiedName.ToString() };
            }
        }

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
            var settings = ProfileLookup.ForColumn(options.Profile, tableProfile, table.QualifiedName, column.Name);
            if (LeftToDatabase(plan, column, settings))
            {
                continue;
            }

            var foreignKey = plan.ForeignKeys.FirstOrDefault(k => k.Constraint.Columns.Contains(column.Name));
            if (foreignKey is not null)
            {
                if (settings.Generator is not null)
                {
                    throw Impossible(settings, table, column,
                        $"column {column.Name} is part of foreign key {foreignKey.Constraint.Name}: its values are keys of {foreignKey.Parent}, not a {settings.Generator.Kind}",
                        "Remove the generator of this column from gendb.yaml; null_fraction may stay when the key is nullable.");
                }

                plan.Columns.Add(new ColumnPlan(column, foreignKey.Deferred ? ColumnSource.Deferred : ColumnSource.ForeignKey)
                {
                    ForeignKey = foreignKey,
                    KeyPart = IndexOf(foreignKey.Constraint.Columns, column.Name),
                    GeneratorName = $"→ {foreignKey.Parent}({string.Join(", ", foreignKey.Constraint.ReferencedColumns)})",
                    Reason = $"foreign key {foreignKey.Constraint.Name}",
                });
                if (foreignKey.Deferred && column.NotNull)
                {
                    plan.RelaxedNotNull.Add(column.Name);
                }

                if (settings.NullFraction is > 0 && !foreignKey.Nullable)
                {
                    throw Impossible(settings, table, column,
                        $"null_fraction {settings.NullFraction} asks for NULLs in {column.Name}, but foreign key {foreignKey.Constraint.Name} has a NOT NULL column",
                        "Remove null_fraction for this column, or make the key's columns nullable.");
                }

                foreignKey.NullFractionOverride ??= settings.NullFraction;
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
            var constrainedUnique = plan.UniqueKeys.Any(u => u.IsPlain && u.Columns.Count == 1 && u.Columns[0] == column.Name)
                || table.Constraints.Any(c => c.Kind == ConstraintKind.Exclude && c.Columns.Contains(column.Name));
            var unique = constrainedUnique || settings.Unique == true;
            var columnPlan = new ColumnPlan(column, ColumnSource.Generated);
            var context = new ColumnContext(table, column, model, rules, unique, tableSeed, options.Locale);
            Choose(plan, columnPlan, context, settings, notNull, chooser);

            var inUniqueKey = plan.UniqueKeys.Any(u => u.Columns.Contains(column.Name));
            columnPlan.NullFraction = notNull || inUniqueKey ? 0 : columnPlan.SuggestedNullFraction ?? DefaultNullFraction;
            if (settings.NullFraction is { } fraction)
            {
                if (fraction > 0 && notNull)
                {
                    throw Impossible(settings, table, column,
                        $"null_fraction {fraction} asks for NULLs in {column.Name}, which is NOT NULL",
                        "Remove null_fraction for this column, or set it to 0.");
                }

                columnPlan.NullFraction = fraction;
            }

            if (columnPlan.Source == ColumnSource.Generated && settings.Unique == true && !constrainedUnique
                && (columnPlan.Generator is null || !columnPlan.Generator.IsUnique))
            {
                // gendb.yaml asks for uniqueness the generator cannot promise: a unique index on the
                // synthetic table for the load lets ON CONFLICT DO NOTHING drop the repeats. PostgreSQL
                // takes a unique index on a partitioned table only when it holds the partition key.
                if (table.Kind == TableKind.Partitioned)
                {
                    throw Impossible(settings, table, column,
                        $"unique: true asks GenDB to keep {column.Name} unique, and {table.QualifiedName} is partitioned ({table.PartitionKey}): PostgreSQL cannot index a column across partitions",
                        "Drop unique for this column, or give it a generator that is unique by construction (sequence, or range with unique: true).");
                }

                plan.TemporaryUnique.Add(column.Name);
                plan.UniqueKeys.Add(new UniqueKey($"unique {column.Name} (gendb.yaml)", [column.Name], IsPlain: true, NullsNotDistinct: false));
            }

            plan.Columns.Add(columnPlan);
        }

        BindTemplates(plan, table);

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
            first.NullFraction = key.Nullable && !key.Unique && !key.Deferred ? key.NullFractionOverride ?? ForeignKeyNullFraction : 0;
        }

        // A unique key holds by construction when one of its columns is unique by construction (and
        // never NULL), or it is exactly a foreign key whose rows each get their own parent row.
        foreach (var key in plan.UniqueKeys.Where(k => k.IsPlain))
        {
            var byColumn = key.Columns.Any(name => plan.Columns.Any(c => c.Column.Name == name && c.Source == ColumnSource.Generated && c.Generator is { IsUnique: true } && c.NullFraction == 0));
            var byForeignKey = plan.ForeignKeys.Any(k => k.Unique && !k.Deferred && key.Columns.All(k.Constraint.Columns.Contains));
            var bySequence = key.Columns.Any(name => table.FindColumn(name) is { } c && (c.IsIdentity || IsSequenceDefault(c)));
            if (!byColumn && !byForeignKey && !bySequence)
            {
                plan.FilterReasons.Add($"unique key {key.Name} is checked by PostgreSQL");
            }
        }

        return plan;
    }

    /// <summary>
    /// Identity, serial and generated columns are PostgreSQL's to fill, unless gendb.yaml gives a
    /// serial or BY DEFAULT identity column a generator; skipped columns get their default.
    /// </summary>
    private static bool LeftToDatabase(TablePlan plan, ColumnModel column, ColumnSettings settings)
    {
        var table = plan.Table;
        var wanted = settings.Generator is not null and not SkipSpec;
        if (column.IsGenerated || column.Identity == IdentityKind.Always)
        {
            if (wanted)
            {
                throw Impossible(settings, table, column,
                    $"column {column.Name} is {(column.IsGenerated ? "a generated column" : "GENERATED ALWAYS AS IDENTITY")}: PostgreSQL computes its values, so it takes no generator",
                    "Remove the generator of this column from gendb.yaml.");
            }

            plan.LeftOut.Add(Planned(column, column.IsGenerated ? "generated" : "identity", PlannedSource.Database,
                column.IsGenerated ? $"GENERATED ALWAYS AS ({column.GeneratedExpression}) STORED" : "GENERATED ALWAYS AS IDENTITY"));
            return true;
        }

        if ((column.IsIdentity || IsSequenceDefault(column)) && !wanted)
        {
            plan.LeftOut.Add(Planned(column, column.IsIdentity ? "identity" : "serial", PlannedSource.Database,
                column.IsIdentity ? "GENERATED BY DEFAULT AS IDENTITY" : $"DEFAULT {column.Default}"));
            return true;
        }

        if (settings.Generator is SkipSpec)
        {
            if (column.NotNull && column.Default is null)
            {
                throw Impossible(settings, table, column,
                    $"column {column.Name} is NOT NULL and has no default, so it cannot be skipped",
                    "Give the column a generator (or remove skip), or give it a DEFAULT in the real table.");
            }

            plan.LeftOut.Add(Planned(column, "skip", PlannedSource.Database,
                $"{settings.Where?.ToString() ?? "gendb.yaml"}: skip ({(column.Default is null ? "NULL" : "DEFAULT " + column.Default)})"));
            return true;
        }

        return false;
    }

    /// <summary>The generator of a column: gendb.yaml's, else the chooser's (a detected concept or the type fallback).</summary>
    private static void Choose(TablePlan plan, ColumnPlan columnPlan, ColumnContext context, ColumnSettings settings, bool notNull, IGeneratorChooser chooser)
    {
        var (table, column) = (context.Table, context.Column);
        var where = settings.Where?.ToString() ?? "gendb.yaml";
        switch (settings.Generator)
        {
            case TemplateSpec template:
                columnPlan.PendingTemplate = template;
                columnPlan.ChosenBy = settings.GeneratorFrom;
                columnPlan.GeneratorName = "template";
                columnPlan.Reason = $"{where}: template \"{template.Template}\"";
                return;

            case ConstantSpec { Value: null }:
                if (notNull)
                {
                    throw Impossible(settings, table, column, $"constant NULL for {column.Name}, which is NOT NULL",
                        "Give the constant a value, or remove it.");
                }

                columnPlan.Source = ColumnSource.Null;
                columnPlan.ChosenBy = settings.GeneratorFrom;
                columnPlan.GeneratorName = "constant";
                columnPlan.Reason = $"{where}: constant NULL";
                return;

            case { } spec:
                columnPlan.Generator = OverrideGenerators.Build(spec, context, context.Unique);
                columnPlan.ChosenBy = settings.GeneratorFrom;
                columnPlan.GeneratorName = spec.Kind;
                columnPlan.Reason = $"{where}: {(settings.GeneratorFrom == GeneratorSource.ColumnRule ? "column rule" : "table entry")}";
                if (spec is OneOfSpec or ConstantSpec)
                {
                    var values = spec is OneOfSpec oneOf ? oneOf.Values : [((ConstantSpec)spec).Value!];
                    plan.ValueChecks.Add((columnPlan, values, spec.Where ?? settings.Where));
                }

                // one_of, constant and a narrow range know how many values they can make.
                if (context.Unique && columnPlan.Generator is IBoundedGenerator bounded && bounded.DistinctValues < plan.Rows)
                {
                    throw Impossible(settings, table, column,
                        $"{column.Name} must be unique, and its {spec.Kind} makes {bounded.DistinctValues} distinct values for {plan.Rows} rows",
                        $"Give the {spec.Kind} room for at least {plan.Rows} values, ask for fewer rows, or drop unique.");
                }

                return;
        }

        try
        {
            var choice = chooser.Choose(context);
            columnPlan.Generator = choice.Generator;
            columnPlan.ChosenBy = choice.Source;
            columnPlan.GeneratorName = Shorten(choice.Reason);
            columnPlan.SuggestedNullFraction = choice.NullFraction;
            columnPlan.Timeline = choice.Timeline;
            columnPlan.Reason = choice.Reason;
        }
        catch (GenerationException) when (!notNull)
        {
            columnPlan.Source = ColumnSource.Null;
            columnPlan.GeneratorName = "NULL";
            columnPlan.Reason = "GenDB cannot generate this type";
            plan.Notes.Add($"column {column.Name} ({column.TypeSql}) is left NULL: GenDB cannot generate that type");
        }
    }

    /// <summary>A template's columns must be written before it: templates go last, and may not read each other.</summary>
    private static void BindTemplates(TablePlan plan, TableModel table)
    {
        var templates = plan.Columns.Where(c => c.PendingTemplate is not null).ToList();
        if (templates.Count == 0)
        {
            return;
        }

        foreach (var column in templates)
        {
            plan.Columns.Remove(column);
            plan.Columns.Add(column);
        }

        foreach (var column in templates)
        {
            var spec = column.PendingTemplate!;
            column.Template = RowTemplate.Parse(spec.Template, name =>
            {
                var index = plan.Columns.FindIndex(c => c.Column.Name == name);
                if (index < 0 || plan.Columns[index].PendingTemplate is not null)
                {
                    var known = string.Join(", ", plan.Columns.Where(c => c.PendingTemplate is null).Select(c => c.Column.Name));
                    throw new GenerationException("F0000",
                        $"{spec.Where?.ToString() ?? "gendb.yaml"}: template of {table.QualifiedName}.{column.Column.Name} refers to {{{name}}}, which is {(index < 0 ? "not a column this table generates" : "itself a template")}",
                        $"A template may use the columns GenDB writes for this table: {known}.")
                    { Table = table.QualifiedName.ToString(), Column = column.Column.Name };
                }

                return index;
            });

            // PostgreSQL judges the values: their length, CHECKs and unique keys are not known in advance.
            plan.FilterReasons.Add($"column {column.Column.Name} is built from a template");
        }
    }

    private static PlannedColumn Planned(ColumnModel column, string generator, PlannedSource source, string reason) =>
        new(column.Name, column.TypeSql, generator, source, reason, []);

    /// <summary><c>email (column name "email")</c> → <c>email</c>.</summary>
    private static string Shorten(string reason)
    {
        var paren = reason.IndexOf(" (", StringComparison.Ordinal);
        return paren > 0 ? reason[..paren] : reason;
    }

    private static GenerationException Impossible(ColumnSettings settings, TableModel table, ColumnModel column, string message, string hint) =>
        new("F0000", $"{settings.Where?.ToString() ?? "gendb.yaml"}: {table.QualifiedName}.{column.Name}: {message}", hint)
        {
            Table = table.QualifiedName.ToString(),
            Column = column.Name,
        };

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
