using GenDb.Generation.Profiles;
using GenDb.Generation.Semantics;
using GenDb.Generation.Values;
using GenDb.Schema;

namespace GenDb.Generation.Engine;

/// <summary>Where one column's values come from.</summary>
internal enum ColumnSource
{
    /// <summary>A value generator.</summary>
    Generated,

    /// <summary>A row of the referenced table, picked when the row is written.</summary>
    ForeignKey,

    /// <summary>NULL at load time; set by an UPDATE once the referenced rows exist (cycles, self-references).</summary>
    Deferred,

    /// <summary>Always NULL (a nullable column of a type GenDB cannot generate).</summary>
    Null,
}

/// <summary>One column written by COPY.</summary>
internal sealed class ColumnPlan(ColumnModel column, ColumnSource source)
{
    public ColumnModel Column { get; } = column;

    public ColumnSource Source { get; set; } = source;

    public IValueGenerator? Generator { get; set; }

    /// <summary>Why the generator was chosen (for <see cref="ColumnSource.Generated"/>).</summary>
    public GeneratorSource ChosenBy { get; set; } = GeneratorSource.TypeFallback;

    /// <summary>For people: the concept or override and what led to it.</summary>
    public string Reason { get; set; } = string.Empty;

    /// <summary>Short name of the generator: a concept, an override kind, the type.</summary>
    public string GeneratorName { get; set; } = string.Empty;

    /// <summary>A gendb.yaml template: the value is built from the row's other columns, written last.</summary>
    public RowTemplate? Template { get; set; }

    /// <summary>The template as gendb.yaml gave it, until the table's columns are known.</summary>
    public TemplateSpec? PendingTemplate { get; set; }

    /// <summary>The column's place on the row's timeline, when its concept has one.</summary>
    public TimelinePoint? Timeline { get; set; }

    /// <summary>The chooser's share of NULLs for the column's concept, when it has one.</summary>
    public double? SuggestedNullFraction { get; set; }

    /// <summary>The share of rows that get NULL (0 for NOT NULL columns).</summary>
    public double NullFraction { get; set; }

    /// <summary>For <see cref="ColumnSource.ForeignKey"/>: the key and the position of this column in it.</summary>
    public ForeignKeyPlan? ForeignKey { get; set; }

    public int KeyPart { get; set; }

    /// <summary>This column is the first of its foreign key in COPY order: it picks the parent row.</summary>
    public bool PicksKey { get; set; }

    /// <summary>Columns that must be NULL together (<c>(a IS NULL) = (b IS NULL)</c>) follow this column's decision.</summary>
    public ColumnPlan? NullLeader { get; set; }

    /// <summary>This row's NULL decision, for the columns that follow it.</summary>
    public bool NullThisRow { get; set; }
}

/// <summary>A foreign key of the table being filled, and the keys of the rows it can point at.</summary>
internal sealed class ForeignKeyPlan(ConstraintModel constraint, QualifiedName parent, bool deferred)
{
    public ConstraintModel Constraint { get; } = constraint;

    /// <summary>The referenced table, real name (a partition root when the key references a partitioned table).</summary>
    public QualifiedName Parent { get; } = parent;

    public bool Deferred { get; } = deferred;

    /// <summary>The child's key columns are themselves unique: every row needs its own parent row.</summary>
    public bool Unique { get; set; }

    /// <summary>The key may be left NULL (every column nullable).</summary>
    public bool Nullable { get; set; }

    /// <summary>gendb.yaml's null_fraction for the key's column, if any.</summary>
    public double? NullFractionOverride { get; set; }

    /// <summary>The parent rows' key values as UTF-8 text, one array per row, shuffled once.</summary>
    public IReadOnlyList<byte[][]> Keys { get; set; } = [];

    public ReadOnlySpan<byte> KeyBytes(int row, int part) => Keys[row][part];

    /// <summary>The parent row picked for the current row, or -1 for NULL.</summary>
    public int Current { get; set; } = -1;
}

/// <summary>A UNIQUE or PRIMARY KEY constraint, or a unique index, of the table.</summary>
internal sealed record UniqueKey(string Name, IReadOnlyList<string> Columns, bool IsPlain, bool NullsNotDistinct);

/// <summary>How one table is filled.</summary>
internal sealed class TablePlan(TableModel table, QualifiedName synthetic, long rows)
{
    public TableModel Table { get; } = table;

    public QualifiedName Synthetic { get; } = synthetic;

    public long Rows { get; set; } = rows;

    /// <summary>Columns given to COPY, in table order.</summary>
    public List<ColumnPlan> Columns { get; } = [];

    public List<ForeignKeyPlan> ForeignKeys { get; } = [];

    public List<UniqueKey> UniqueKeys { get; } = [];

    /// <summary>CHECK expressions (without CHECK and NOT VALID) over the COPY columns, for filtering candidate rows.</summary>
    public List<(string Name, string Expression)> Checks { get; } = [];

    /// <summary>Why rows must pass through PostgreSQL's judgement first (empty: written straight in).</summary>
    public List<string> FilterReasons { get; } = [];

    public List<string> Notes { get; } = [];

    /// <summary>Why this table is part of the run (null: asked for).</summary>
    public string? Reason { get; set; }

    /// <summary>Columns left out of COPY (identity, serial, generated, skipped), for the plan.</summary>
    public List<PlannedColumn> LeftOut { get; } = [];

    /// <summary>Columns gendb.yaml wants unique whose generator cannot promise it: a unique index is put on them for the load.</summary>
    public List<string> TemporaryUnique { get; } = [];

    /// <summary>one_of and constant values, checked against the column's type and single-column CHECKs by PostgreSQL before loading.</summary>
    public List<(ColumnPlan Column, IReadOnlyList<string> Values, SourceLocation? Where)> ValueChecks { get; } = [];

    /// <summary>NOT NULL constraints lifted while the table loads, restored at the end.</summary>
    public List<string> RelaxedNotNull { get; } = [];

    public bool NeedsFilter => FilterReasons.Count > 0;
}
