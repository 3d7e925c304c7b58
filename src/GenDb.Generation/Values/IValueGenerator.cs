using GenDb.Generation.Randomness;

namespace GenDb.Generation.Values;

/// <summary>
/// Makes the values of one column. Writes each value in PostgreSQL's text input form (what a
/// literal of the type would contain, before any COPY escaping: the loader escapes).
/// </summary>
public interface IValueGenerator
{
    /// <summary>
    /// Distinct <c>row</c> numbers always give distinct values (within the column's constraints),
    /// so a UNIQUE or PRIMARY KEY over this column holds by construction.
    /// </summary>
    bool IsUnique { get; }

    /// <summary>
    /// Writes the value for the 0-based <paramref name="row"/> of this run. Randomness comes only
    /// from <paramref name="rng"/> (the column's own stream), so output is deterministic.
    /// Never writes NULL: the loader decides NULLs.
    /// </summary>
    void Write(long row, ref Rng rng, ValueBuilder output);
}
