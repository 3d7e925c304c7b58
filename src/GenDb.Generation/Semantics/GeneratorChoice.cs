using GenDb.Generation.Constraints;
using GenDb.Generation.Values;
using GenDb.Schema;

namespace GenDb.Generation.Semantics;

/// <summary>Why a column got its generator, strongest first (the precedence of gendb.yaml and CALL arguments).</summary>
public enum GeneratorSource
{
    /// <summary>A per-table override (gendb.yaml <c>tables.</c>, or a CALL argument).</summary>
    Override,

    /// <summary>A gendb.yaml <c>column_rules</c> pattern.</summary>
    ColumnRule,

    /// <summary>A concept detected from the column's name, type, table and neighbours.</summary>
    Concept,

    /// <summary>Nothing more specific: a plausible value of the column's type.</summary>
    TypeFallback,
}

/// <summary>The generator chosen for a column, and why (shown by gendb.plan and gendb inspect).</summary>
/// <param name="Reason">For people: e.g. <c>email (column name "email")</c> or <c>text (type fallback)</c>.</param>
public sealed record GeneratorChoice(IValueGenerator Generator, GeneratorSource Source, string Reason)
{
    /// <summary>
    /// The share of NULLs the concept suggests for a nullable column (most rows are not deleted,
    /// most addresses have no second line); null keeps the loader's default.
    /// </summary>
    public double? NullFraction { get; init; }

    /// <summary>Where the value sits on the row's timeline, for columns that have one (created, updated, started …).</summary>
    public TimelinePoint? Timeline { get; init; }
}

/// <summary>A column's place on its row's timeline.</summary>
public enum TimelinePoint
{
    /// <summary>When the row began: created, signed up, started, ordered.</summary>
    Origin,

    /// <summary>Later on the same timeline: updated, deleted, ended, a milestone, last seen.</summary>
    Later,
}

/// <summary>Everything known about a column when its generator is chosen.</summary>
/// <param name="Rules">What the column's CHECKs, domain and partition bounds require.</param>
/// <param name="Unique">A UNIQUE or PRIMARY KEY covers exactly this column.</param>
/// <param name="TableSeed">
/// The table's seed. Generators of one row that must agree (a person's first name, last name and
/// email; a city and its country; created and updated times) derive what they share from
/// <c>StableSeed</c> of this seed and the row number, not from their own column streams.
/// </param>
/// <param name="Locale">A Bogus locale name such as <c>en</c>, <c>de</c>, <c>fr</c>.</param>
public sealed record ColumnContext(
    TableModel Table,
    ColumnModel Column,
    DatabaseModel Model,
    ColumnRules Rules,
    bool Unique,
    ulong TableSeed,
    string Locale);

/// <summary>Chooses a column's generator.</summary>
public interface IGeneratorChooser
{
    /// <summary>
    /// The generator for the column; throws <see cref="GenerationException"/> (0A000) when nothing
    /// can generate its type.
    /// </summary>
    GeneratorChoice Choose(ColumnContext context);
}

/// <summary>The type fallback alone: what the engine uses when no detection is wanted.</summary>
public sealed class TypeFallbackChooser : IGeneratorChooser
{
    public static TypeFallbackChooser Instance { get; } = new();

    public GeneratorChoice Choose(ColumnContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var generator = ValueGenerators.ForColumn(context.Table, context.Column, context.Model, context.Rules, context.Unique);
        return new GeneratorChoice(generator, GeneratorSource.TypeFallback, $"{context.Column.TypeSql} (type fallback)");
    }
}
