namespace GenDb.Generation.Semantics.Columns;

/// <summary>
/// Where a concept's natural range (a price of 0.50 to 2000.00, a created time in the last five
/// years) meets what the column allows: the natural range when the column allows all of it,
/// else the allowed part of it, else the allowed stretch nearest to it. Values move into it
/// monotonically, so an order between columns (created ≤ updated) survives.
/// </summary>
internal sealed class UnitWindow
{
    public UnitWindow(long naturalLo, long naturalHi, UnitSet allowed)
    {
        NaturalLo = naturalLo;
        NaturalHi = naturalHi;
        Target = allowed.Around(naturalLo, naturalHi);
        IsIdentity = Target.Spans is [var only] && only.Lo == naturalLo && only.Hi == naturalHi;
    }

    public long NaturalLo { get; }

    public long NaturalHi { get; }

    public UnitSet Target { get; }

    public bool IsEmpty => Target.IsEmpty;

    /// <summary>The natural range is allowed as it is.</summary>
    public bool IsIdentity { get; }

    public long Adjust(long value)
    {
        if (IsIdentity && value >= NaturalLo && value <= NaturalHi)
        {
            return value;
        }

        return Target.Map(Math.Clamp(value, NaturalLo, NaturalHi), NaturalLo, NaturalHi);
    }
}
