namespace GenDb.Generation.Values.Linear;

/// <summary>
/// A type whose values can be numbered in order by a 64-bit "step" k: integers, decimals at a
/// fixed scale, dates, timestamps at their precision, times, intervals, LSNs, enum labels. Bounds,
/// partition ranges and forbidden values then become ranges of k, and uniqueness is a distinct k
/// per row.
/// </summary>
internal abstract class LinearType
{
    protected LinearType(string typeSql, long min, long max, long anchor, long windowLow, long windowHigh)
    {
        TypeSql = typeSql;
        Min = min;
        Max = max;
        Anchor = Math.Clamp(anchor, min, max);
        WindowLow = Math.Clamp(windowLow, min, max);
        WindowHigh = Math.Clamp(windowHigh, WindowLow, max);
    }

    /// <summary>The type as the user wrote it, for messages.</summary>
    public string TypeSql { get; }

    /// <summary>The smallest step the type can hold.</summary>
    public long Min { get; }

    public long Max { get; }

    /// <summary>Where unique values start counting (upwards, then downwards once the top is reached).</summary>
    public long Anchor { get; }

    /// <summary>Random values come from [WindowLow, WindowHigh] where the rules allow: plausible values of the type.</summary>
    public long WindowLow { get; }

    public long WindowHigh { get; }

    /// <summary>How many steps a generated range usually spans.</summary>
    public long TypicalSpan => Math.Max(1, (WindowHigh - WindowLow) / 40);

    /// <summary>False where uniqueness by construction is not worth offering (bool, enum).</summary>
    public virtual bool CanBeUnique => true;

    /// <summary>
    /// Steps kept clear of a finite bound: a real rounds a decimal it reads, which can land a
    /// value just past the bound it was chosen to respect.
    /// </summary>
    public virtual long BoundMargin => 0;

    /// <summary>
    /// Reads a constant of the type (a CHECK or partition bound, a forbidden value) as a number
    /// of steps, possibly fractional. False when the text is not understood; the rule is then
    /// left to PostgreSQL.
    /// </summary>
    public abstract bool TryParse(string literal, out decimal steps);

    /// <summary>Writes the value <paramref name="k"/> steps from the type's origin in text input form.</summary>
    public abstract void Write(long k, ValueBuilder output);

    /// <summary>Whether a listed value can be stored as written (a numeric's scale, say).</summary>
    public virtual bool Fits(string literal) => true;

    /// <summary>Saturates a step count to the long range (a huge bound means "no bound").</summary>
    protected static decimal Saturate(decimal value) => Math.Clamp(value, long.MinValue, long.MaxValue);
}
