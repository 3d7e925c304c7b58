using System.Text;
using System.Text.RegularExpressions;
using GenDb.Sql;

namespace GenDb.Schema.Synthetic;

/// <summary>
/// Writes the DDL of a synthetic copy: for each selected table, a table of the same columns,
/// types, defaults, collations, identity and generated columns, keys, checks, exclusion
/// constraints, unique indexes and partitions, in schema <c>gendb_&lt;scenario&gt;__&lt;schema&gt;</c>.
/// Foreign keys point at the synthetic copies of the tables they reference; every sequence a
/// default draws from gets a synthetic twin, so a synthetic insert never consumes a real value.
/// Triggers and row-level security policies are not copied (docs/synthetic-schema.md says why).
/// </summary>
public static partial class SyntheticCopyBuilder
{
    [GeneratedRegex(@"nextval\('((?:[^']|'')+)'::regclass\)", RegexOptions.CultureInvariant)]
    private static partial Regex NextvalCall();

    /// <summary>
    /// The statements, in an order PostgreSQL accepts: schemas, sequences, tables (referenced
    /// tables and partitioned parents first), partitions, indexes, then foreign keys and comments.
    /// </summary>
    /// <param name="model">The real database.</param>
    /// <param name="tables">The tables to copy; the tables their foreign keys reference must be among them.</param>
    /// <param name="scenario">The scenario, whose schemas are <c>gendb_&lt;scenario&gt;__&lt;schema&gt;</c>.</param>
    public static IReadOnlyList<string> Build(DatabaseModel model, IReadOnlyCollection<QualifiedName> tables, string scenario)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(tables);
        var selected = new HashSet<QualifiedName>(tables);
        var graph = DependencyGraph.Build(model);
        // The graph orders every table of the model: referenced tables first, then partitions after
        // all their possible parents.
        var ordered = graph.Order.Where(selected.Contains).Select(n => model.FindTable(n)!).OrderBy(t => t.IsPartition ? 1 : 0).ToList();

        var statements = new List<string>();
        foreach (var schema in ordered.Select(t => t.Schema).Distinct(StringComparer.Ordinal))
        {
            statements.Add($"CREATE SCHEMA IF NOT EXISTS {Quote.Identifier(SyntheticNaming.SchemaFor(scenario, schema))}");
        }

        var sequenceMap = new Dictionary<string, string>(StringComparer.Ordinal);
        var owners = new Dictionary<string, SequenceOwner>(StringComparer.Ordinal);
        foreach (var table in ordered.Where(t => !t.IsPartition))
        {
            foreach (var column in table.Columns)
            {
                foreach (Match match in NextvalCall().Matches(column.Default ?? string.Empty))
                {
                    var realName = match.Groups[1].Value.Replace("''", "'", StringComparison.Ordinal);
                    if (sequenceMap.ContainsKey(realName))
                    {
                        continue;
                    }

                    var sequence = FindSequence(model, realName, table.Schema);
                    var synthetic = new QualifiedName(SyntheticNaming.SchemaFor(scenario, sequence?.Schema ?? table.Schema), sequence?.Name ?? Unqualified(realName));
                    sequenceMap[realName] = synthetic.Sql;
                    if (sequence?.OwnedBy is { } owner)
                    {
                        owners[synthetic.Sql] = owner;
                    }

                    statements.Add(sequence is null
                        ? $"CREATE SEQUENCE IF NOT EXISTS {synthetic.Sql}"
                        : $"CREATE SEQUENCE IF NOT EXISTS {synthetic.Sql} AS {sequence.DataType} INCREMENT BY {sequence.Increment} MINVALUE {sequence.Min} MAXVALUE {sequence.Max} START WITH {sequence.Start}{(sequence.Cycle ? " CYCLE" : string.Empty)}");
                }
            }
        }

        var late = new List<string>();
        foreach (var table in ordered)
        {
            var target = Target(table.QualifiedName, scenario);
            if (table.IsPartition)
            {
                var parent = Target(table.Parent!, scenario);
                statements.Add($"CREATE TABLE {target.Sql} PARTITION OF {parent.Sql} {table.PartitionBound}");

                // What the parent gives its partitions comes with PARTITION OF; a partition's own
                // constraints (Pagila adds foreign keys per partition) are added to it.
                foreach (var constraint in table.Constraints.Where(c => !c.IsInherited && c.Kind is ConstraintKind.Check))
                {
                    statements.Add($"ALTER TABLE {target.Sql} ADD CONSTRAINT {Quote.Identifier(constraint.Name)} {constraint.Definition}");
                }

                foreach (var foreignKey in table.ForeignKeys.Where(fk => !fk.IsInherited))
                {
                    late.Add($"ALTER TABLE {target.Sql} ADD CONSTRAINT {Quote.Identifier(foreignKey.Name)} {ForeignKey(foreignKey, scenario)}");
                }

                continue;
            }

            statements.Add(CreateTable(table, target, sequenceMap));
            foreach (var index in table.Indexes.Where(i => !i.BacksConstraint && !i.IsPrimary))
            {
                statements.Add(RetargetIndex(index.Definition, table, target));
            }

            foreach (var foreignKey in table.ForeignKeys.Where(fk => !fk.IsInherited))
            {
                late.Add($"ALTER TABLE {target.Sql} ADD CONSTRAINT {Quote.Identifier(foreignKey.Name)} {ForeignKey(foreignKey, scenario)}");
            }

            if (table.Comment is not null)
            {
                late.Add($"COMMENT ON TABLE {target.Sql} IS {Quote.Literal(table.Comment)}");
            }

            foreach (var column in table.Columns.Where(c => c.Comment is not null))
            {
                late.Add($"COMMENT ON COLUMN {target.Sql}.{Quote.Identifier(column.Name)} IS {Quote.Literal(column.Comment)}");
            }
        }

        foreach (var (synthetic, owner) in owners)
        {
            if (selected.Contains(owner.Table))
            {
                late.Add($"ALTER SEQUENCE {synthetic} OWNED BY {Target(owner.Table, scenario).Sql}.{Quote.Identifier(owner.Column)}");
            }
        }

        statements.AddRange(late);
        return statements;
    }

    public static QualifiedName Target(QualifiedName real, string scenario) =>
        new(SyntheticNaming.SchemaFor(scenario, real.Schema), real.Name);

    private static string CreateTable(TableModel table, QualifiedName target, Dictionary<string, string> sequenceMap)
    {
        var sql = new StringBuilder($"CREATE TABLE {target.Sql} (");
        var first = true;
        foreach (var column in table.Columns.OrderBy(c => c.Position))
        {
            sql.Append(first ? "\n  " : ",\n  ");
            first = false;
            sql.Append(Quote.Identifier(column.Name)).Append(' ').Append(column.TypeSql);
            if (column.Collation is not null)
            {
                sql.Append(" COLLATE ").Append(column.Collation.Sql);
            }

            if (column.GeneratedExpression is not null)
            {
                sql.Append(" GENERATED ALWAYS AS (").Append(column.GeneratedExpression).Append(") STORED");
            }
            else if (column.Identity != IdentityKind.None)
            {
                sql.Append(column.Identity == IdentityKind.Always ? " GENERATED ALWAYS AS IDENTITY" : " GENERATED BY DEFAULT AS IDENTITY");
            }
            else if (column.Default is not null)
            {
                var expression = NextvalCall().Replace(column.Default, m =>
                    sequenceMap.TryGetValue(m.Groups[1].Value.Replace("''", "'", StringComparison.Ordinal), out var synthetic)
                        ? $"nextval({Quote.Literal(synthetic)}::regclass)"
                        : m.Value);
                sql.Append(" DEFAULT ").Append(expression);
            }

            if (column.NotNull)
            {
                sql.Append(" NOT NULL");
            }
        }

        foreach (var constraint in table.Constraints.Where(c => c.Kind != ConstraintKind.ForeignKey && !c.IsInherited))
        {
            sql.Append(",\n  CONSTRAINT ").Append(Quote.Identifier(constraint.Name)).Append(' ').Append(constraint.Definition);
        }

        sql.Append("\n)");
        if (table.Kind == TableKind.Partitioned && table.PartitionKey is not null)
        {
            sql.Append(" PARTITION BY ").Append(table.PartitionKey);
        }

        return sql.ToString();
    }

    private static string ForeignKey(ConstraintModel foreignKey, string scenario)
    {
        var referenced = Target(foreignKey.Referenced!, scenario);
        var sql = new StringBuilder("FOREIGN KEY (")
            .AppendJoin(", ", foreignKey.Columns.Select(Quote.Identifier))
            .Append(") REFERENCES ").Append(referenced.Sql).Append(" (")
            .AppendJoin(", ", foreignKey.ReferencedColumns.Select(Quote.Identifier)).Append(')');
        if (foreignKey.MatchFull)
        {
            sql.Append(" MATCH FULL");
        }

        sql.Append(" ON DELETE ").Append(Action(foreignKey.OnDelete)).Append(" ON UPDATE ").Append(Action(foreignKey.OnUpdate));
        if (foreignKey.Deferrable)
        {
            sql.Append(foreignKey.InitiallyDeferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE");
        }

        return sql.ToString();
    }

    private static string Action(ReferentialAction action) => action switch
    {
        ReferentialAction.Restrict => "RESTRICT",
        ReferentialAction.Cascade => "CASCADE",
        ReferentialAction.SetNull => "SET NULL",
        ReferentialAction.SetDefault => "SET DEFAULT",
        _ => "NO ACTION",
    };

    /// <summary>
    /// pg_get_indexdef writes <c>CREATE [UNIQUE] INDEX name ON [ONLY] schema.table USING …</c>;
    /// the copy is the same index on the synthetic table (index names are per schema).
    /// </summary>
    private static string RetargetIndex(string definition, TableModel table, QualifiedName target)
    {
        var on = definition.IndexOf(" ON ", StringComparison.Ordinal);
        var usingClause = definition.IndexOf(" USING ", on + 4, StringComparison.Ordinal);
        if (on < 0 || usingClause < 0)
        {
            throw new InvalidOperationException($"Unexpected index definition for {table.QualifiedName}: {definition}");
        }

        var only = definition.AsSpan(on + 4).StartsWith("ONLY ", StringComparison.Ordinal) ? "ONLY " : string.Empty;
        return definition[..(on + 4)] + only + target.Sql + definition[usingClause..];
    }

    private static SequenceModel? FindSequence(DatabaseModel model, string text, string defaultSchema)
    {
        var (schema, name) = SplitQualified(text, defaultSchema);
        return model.FindSequence(schema, name);
    }

    private static string Unqualified(string text) => SplitQualified(text, string.Empty).Name;

    /// <summary>Splits <c>schema.name</c> as regclass text writes it (quoted where needed).</summary>
    private static (string Schema, string Name) SplitQualified(string text, string defaultSchema)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                if (quoted && i + 1 < text.Length && text[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else
                {
                    quoted = !quoted;
                }
            }
            else if (c == '.' && !quoted)
            {
                parts.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(quoted ? c : char.ToLowerInvariant(c));
            }
        }

        parts.Add(current.ToString());
        return parts.Count >= 2 ? (parts[^2], parts[^1]) : (defaultSchema, parts[0]);
    }
}
