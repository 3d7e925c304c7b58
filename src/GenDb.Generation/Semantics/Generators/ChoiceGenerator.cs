using System.Text;
using GenDb.Generation.Randomness;
using GenDb.Generation.Values;

namespace GenDb.Generation.Semantics.Generators;

/// <summary>One of a handful of values, each as often as its weight says.</summary>
internal sealed class ChoiceGenerator : ConceptGenerator
{
    private readonly byte[][] _values;
    private readonly ulong[] _cumulative;

    public ChoiceGenerator(IReadOnlyList<(string Value, int Weight)> items)
        : base(unique: false)
    {
        _values = [.. items.Select(i => Encoding.UTF8.GetBytes(i.Value))];
        _cumulative = new ulong[items.Count];
        ulong total = 0;
        for (var i = 0; i < items.Count; i++)
        {
            total += (ulong)Math.Max(1, items[i].Weight);
            _cumulative[i] = total;
        }
    }

    public override void Write(long row, ref Rng rng, ValueBuilder output) => output.Append(_values[Index(ref rng)]);

    private int Index(ref Rng rng)
    {
        var draw = rng.NextBelow(_cumulative[^1]);
        var i = 0;
        while (_cumulative[i] <= draw)
        {
            i++;
        }

        return i;
    }
}
