using GenDb.Generation.Randomness;
using GenDb.Generation.Semantics.Columns;
using GenDb.Generation.Values;

namespace GenDb.Generation.Semantics.Generators;

/// <summary>The base of the concept generators: unique only when built so.</summary>
internal abstract class ConceptGenerator(bool unique) : IValueGenerator
{
    public bool IsUnique { get; } = unique;

    public abstract void Write(long row, ref Rng rng, ValueBuilder output);
}

/// <summary>Cuts another generator's text to a column's length (at a word boundary when one is near).</summary>
internal sealed class FittedText(IValueGenerator inner, int maxChars) : ConceptGenerator(unique: false)
{
    public IValueGenerator Inner { get; } = inner;

    public override void Write(long row, ref Rng rng, ValueBuilder output)
    {
        var start = output.Length;
        Inner.Write(row, ref rng, output);
        Utf8Text.Fit(output, start, maxChars);
    }
}
