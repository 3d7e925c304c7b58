using System.Text;
using Fare;
using GenDb.Generation.Randomness;

namespace GenDb.Generation.Values.Text;

/// <summary>
/// The strings that match every pattern of a column and fit its length limits, as a
/// deterministic automaton (Fare's RegExp, intersected with the length limits and an alphabet of
/// printable ASCII). Strings are produced by unranking: counting, per state and remaining length,
/// the accepted strings lets a number pick one of them directly. A random number gives a uniform
/// string of a random length (Rng only: the same seed gives the same strings, with none of
/// System.Random in the way); the row number gives the row-th string in length-then-alphabet
/// order, so distinct rows get distinct strings.
/// </summary>
internal sealed class PatternLanguage
{
    /// <summary>Longest string considered when the column sets no limit.</summary>
    private const int LengthCap = 256;

    /// <summary>Random strings take one of this many shortest feasible lengths.</summary>
    private const int RandomLengths = 12;

    /// <summary>The order characters are tried in, so the first strings read as text: a-z, 0-9, A-Z, then the rest.</summary>
    private const string Preferred = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-_. ";

    private readonly State[] _states;
    private readonly List<ulong[]> _counts = [];
    private readonly int _minLength;
    private readonly int _maxLength;
    private readonly int[] _randomLengths;

    private PatternLanguage(State[] states, int minLength, int maxLength)
    {
        _states = states;
        _minLength = minLength;
        _maxLength = maxLength;

        // Every count is made here, so generating only reads them (safe from any thread).
        Count(0, maxLength);
        var lengths = new List<int>();
        for (var length = minLength; length <= maxLength && lengths.Count < RandomLengths; length++)
        {
            if (Count(0, length) > 0)
            {
                lengths.Add(length);
            }
        }

        _randomLengths = [.. lengths];
    }

    /// <summary>
    /// The language of <paramref name="patterns"/> within [<paramref name="minLength"/>,
    /// <paramref name="maxLength"/>] characters; null when a pattern cannot be translated or
    /// nothing matches them all (PostgreSQL then judges the values).
    /// </summary>
    public static PatternLanguage? TryCreate(IReadOnlyList<string> patterns, int minLength, int? maxLength)
    {
        var max = Math.Min(maxLength ?? LengthCap, LengthCap);
        if (patterns.Count == 0 || minLength > max)
        {
            return null;
        }

        try
        {
            var extraChars = new SortedSet<char>();
            Automaton? language = null;
            foreach (var pattern in patterns)
            {
                var fare = new StringBuilder();
                if (!PosixPattern.TryTranslate(pattern, fare, extraChars))
                {
                    return null;
                }

                // No optional syntax: &, ~, #, @ and <> stay ordinary (they are escaped anyway).
                var automaton = new RegExp(fare.ToString(), default(RegExpSyntaxOptions)).ToAutomaton();
                language = language is null ? automaton : BasicOperations.Intersection(language, automaton);
            }

            var alphabet = BasicAutomata.MakeCharRange(' ', '~');
            foreach (var c in extraChars)
            {
                alphabet = BasicOperations.Union([alphabet, BasicAutomata.MakeChar(c)]);
            }

            language = BasicOperations.Intersection(language!, BasicOperations.Repeat(alphabet, minLength, max));
            MinimizationOperations.Minimize(language);
            if (language.IsEmpty || BasicOperations.IsEmpty(language))
            {
                return null;
            }

            var result = new PatternLanguage(Number(language), minLength, max);
            return result._randomLengths.Length > 0 ? result : null;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IndexOutOfRangeException or FormatException or NullReferenceException)
        {
            // Fare rejects what it cannot parse with a variety of exceptions; the pattern is then
            // left to PostgreSQL.
            return null;
        }
    }

    /// <summary>Appends a random string of the language.</summary>
    public void WriteRandom(ref Rng rng, ValueBuilder output)
    {
        var length = _randomLengths[rng.NextBelow((ulong)_randomLengths.Length)];
        var count = Count(0, length);
        var index = count == ulong.MaxValue ? rng.NextUInt64() : rng.NextBelow(count);
        Unrank(length, index, output);
    }

    /// <summary>Appends the <paramref name="ordinal"/>-th string of the language; false once there are no more.</summary>
    public bool TryWriteNth(long ordinal, ValueBuilder output)
    {
        var n = (ulong)ordinal;
        for (var length = _minLength; length <= _maxLength; length++)
        {
            var count = Count(0, length);
            if (n < count)
            {
                Unrank(length, n, output);
                return true;
            }

            n -= count;
        }

        return false;
    }

    private void Unrank(int length, ulong index, ValueBuilder output)
    {
        var state = 0;
        for (var remaining = length; remaining > 0; remaining--)
        {
            foreach (var edge in _states[state].Edges)
            {
                var each = Count(edge.Target, remaining - 1);
                if (each == 0)
                {
                    continue;
                }

                var block = SaturatingMultiply((ulong)edge.Chars.Length, each);
                if (index < block)
                {
                    var c = edge.Chars[(int)(index / each)];
                    index %= each;
                    if (c < 0x80)
                    {
                        output.Append((byte)c);
                    }
                    else
                    {
                        output.Append(c);
                    }

                    state = edge.Target;
                    break;
                }

                index -= block;
            }
        }
    }

    /// <summary>Accepted strings of exactly <paramref name="length"/> characters from <paramref name="state"/>, saturating.</summary>
    private ulong Count(int state, int length)
    {
        while (_counts.Count <= length)
        {
            var next = new ulong[_states.Length];
            if (_counts.Count == 0)
            {
                for (var s = 0; s < _states.Length; s++)
                {
                    next[s] = _states[s].Accept ? 1UL : 0UL;
                }
            }
            else
            {
                var previous = _counts[^1];
                for (var s = 0; s < _states.Length; s++)
                {
                    ulong total = 0;
                    foreach (var edge in _states[s].Edges)
                    {
                        total = SaturatingAdd(total, SaturatingMultiply((ulong)edge.Chars.Length, previous[edge.Target]));
                    }

                    next[s] = total;
                }
            }

            _counts.Add(next);
        }

        return _counts[length][state];
    }

    /// <summary>States numbered from the initial one (0), breadth first; each state's edges grouped by target in preferred character order.</summary>
    private static State[] Number(Automaton automaton)
    {
        var index = new Dictionary<Fare.State, int> { [automaton.Initial] = 0 };
        var order = new List<Fare.State> { automaton.Initial };
        var states = new List<State>();
        for (var i = 0; i < order.Count; i++)
        {
            var state = order[i];
            var chars = new List<(char Char, int Target)>();
            foreach (var transition in state.GetSortedTransitions(false))
            {
                if (!index.TryGetValue(transition.To, out var target))
                {
                    target = order.Count;
                    index[transition.To] = target;
                    order.Add(transition.To);
                }

                for (var c = (int)transition.Min; c <= transition.Max; c++)
                {
                    chars.Add(((char)c, target));
                }
            }

            chars.Sort((a, b) => Rank(a.Char).CompareTo(Rank(b.Char)));
            var edges = chars
                .GroupBy(c => c.Target)
                .Select(g => new Edge(g.Key, [.. g.Select(c => c.Char)]))
                .ToArray();
            states.Add(new State(state.Accept, edges));
        }

        return [.. states];
    }

    private static int Rank(char c)
    {
        var preferred = Preferred.IndexOf(c, StringComparison.Ordinal);
        return preferred >= 0 ? preferred : Preferred.Length + c;
    }

    private static ulong SaturatingAdd(ulong a, ulong b) => a > ulong.MaxValue - b ? ulong.MaxValue : a + b;

    private static ulong SaturatingMultiply(ulong a, ulong b) => a != 0 && b > ulong.MaxValue / a ? ulong.MaxValue : a * b;

    private sealed record State(bool Accept, Edge[] Edges);

    private sealed record Edge(int Target, char[] Chars);
}
