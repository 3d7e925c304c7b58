namespace GenDb.Generation.Constraints;

/// <summary>
/// A constant as the expression means it: its text as the type's input function reads it (no quotes,
/// no cast) and its type. <see cref="Text"/> is null for SQL NULL.
/// </summary>
internal sealed record TypedLiteral(string? Text, SqlTypeName? Type)
{
    public bool IsNull => Text is null;

    public TypeFamily Family => Type?.Family ?? TypeFamily.Other;
}

/// <summary>One thing a CHECK requires of a row, read exactly.</summary>
internal abstract record CheckFact
{
    /// <summary>
    /// True when the fact is met (or NULL, which a CHECK accepts) whenever <paramref name="column"/> is
    /// NULL. That lets <c>(c IS NULL) OR P</c> read as P alone.
    /// </summary>
    public abstract bool HoldsWhenNull(string column);
}

/// <summary>One end of a range: <c>column &gt;= literal</c> and the like.</summary>
internal sealed record BoundFact(string Column, TypedLiteral Literal, bool IsLower, bool Inclusive) : CheckFact
{
    public override bool HoldsWhenNull(string column) => column == Column;
}

/// <summary>The column equals one of <paramref name="Values"/> (none of them NULL).</summary>
internal sealed record AllowedFact(string Column, IReadOnlyList<TypedLiteral> Values) : CheckFact
{
    public override bool HoldsWhenNull(string column) => column == Column;
}

/// <summary>The column differs from every one of <paramref name="Values"/> (none of them NULL).</summary>
internal sealed record ForbiddenFact(string Column, IReadOnlyList<TypedLiteral> Values) : CheckFact
{
    public override bool HoldsWhenNull(string column) => column == Column;
}

/// <summary>Bounds on the character length of the column's text.</summary>
internal sealed record LengthFact(string Column, int? Min, int? Max) : CheckFact
{
    public override bool HoldsWhenNull(string column) => column == Column;
}

internal sealed record PatternFact(string Column, string Pattern, bool CaseInsensitive) : CheckFact
{
    public override bool HoldsWhenNull(string column) => column == Column;
}

internal sealed record NotBlankFact(string Column) : CheckFact
{
    public override bool HoldsWhenNull(string column) => column == Column;
}

/// <summary><c>column IS NULL</c> (<paramref name="MustBeNull"/>) or <c>column IS NOT NULL</c>.</summary>
internal sealed record NullnessFact(string Column, bool MustBeNull) : CheckFact
{
    public override bool HoldsWhenNull(string column) => false;
}

internal sealed record RelationFact(ColumnRelation Relation) : CheckFact
{
    public override bool HoldsWhenNull(string column) => column == Relation.Left || column == Relation.Right;
}

internal sealed record CouplingFact(NullCoupling Coupling) : CheckFact
{
    public override bool HoldsWhenNull(string column) => false;
}

/// <summary>
/// What one (sub)expression requires: all of <paramref name="Facts"/>. When <paramref name="Exact"/>,
/// the facts are equivalent to the expression; otherwise the expression also requires more than was read.
/// </summary>
internal sealed record Conjunction(IReadOnlyList<CheckFact> Facts, bool Exact)
{
    /// <summary>Accepts every row.</summary>
    public static Conjunction Always { get; } = new([], true);

    public static Conjunction NotUnderstood { get; } = new([], false);

    public static Conjunction Of(params CheckFact[] facts) => new(facts, true);

    public static Conjunction All(IEnumerable<Conjunction> parts)
    {
        var facts = new List<CheckFact>();
        var exact = true;
        foreach (var part in parts)
        {
            facts.AddRange(part.Facts);
            exact &= part.Exact;
        }

        return new Conjunction(facts, exact);
    }
}
