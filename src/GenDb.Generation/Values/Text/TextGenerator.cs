using System.Text;
using GenDb.Generation.Randomness;

namespace GenDb.Generation.Values.Text;

/// <summary>
/// text, varchar(n), char(n), name, citext: a few lowercase words within the length limits, or a
/// string of the column's patterns. Unique values end in the row number as their last word
/// (<c>river stone 42</c>), or are the row number alone where the words do not fit, so two rows
/// never share a value; with patterns, the row-th string matching them.
/// </summary>
internal sealed class TextGenerator : IValueGenerator
{
    private const int Attempts = 64;

    private readonly int _min;
    private readonly int? _max;
    private readonly bool _unique;
    private readonly PatternLanguage? _pattern;
    private readonly byte[][] _forbidden;
    private readonly bool _notBlank;
    private readonly int _codeBase;
    private readonly string _typeSql;
    private readonly GenerationTarget _target;

    public TextGenerator(string typeSql, int? typmodLength, RuleSet rules, bool unique, bool caseInsensitive, GenerationTarget target)
    {
        _typeSql = typeSql;
        _target = target;
        _max = Min(typmodLength, rules.MaxLength);
        _min = Math.Max(rules.MinLength ?? 1, 1);
        if (_max is { } max && _min > max)
        {
            _min = Math.Max(max, 0);
        }

        _notBlank = rules.NotBlank;
        _forbidden = [.. rules.ForbiddenValues.Select(Encoding.UTF8.GetBytes)];
        _codeBase = _max is null or >= 10 ? 10 : 36;
        if (rules.Patterns.Count > 0)
        {
            // A case-insensitive type would see "ab" and "AB" as one value: keep unique strings lowercase.
            var patterns = unique && caseInsensitive ? [.. rules.Patterns, "^[^A-Z]*$"] : rules.Patterns;
            _pattern = PatternLanguage.TryCreate(patterns, rules.MinLength ?? 0, _max);
        }

        _unique = unique && _max is not 0;
    }

    public bool IsUnique => _unique;

    /// <summary>Whether the column's patterns are generated from (false when none or not translatable).</summary>
    internal bool FollowsPatterns => _pattern is not null;

    public void Write(long row, ref Rng rng, ValueBuilder output)
    {
        if (_max is 0)
        {
            return;
        }

        if (_unique)
        {
            WriteUnique(row, ref rng, output);
            return;
        }

        var start = output.Length;
        for (var attempt = 0; ; attempt++)
        {
            if (_pattern is not null)
            {
                _pattern.WriteRandom(ref rng, output);
            }
            else
            {
                WriteWords(ref rng, output);
            }

            var value = output.WrittenSpan[start..];
            if (attempt == Attempts || (!IsForbidden(value) && !(_notBlank && IsBlank(value))))
            {
                return;
            }

            output.Truncate(start);
        }
    }

    private void WriteUnique(long row, ref Rng rng, ValueBuilder output)
    {
        if (_pattern is not null)
        {
            if (!_pattern.TryWriteNth(row, output))
            {
                throw _target.Exhausted(_typeSql, row);
            }

            return;
        }

        Span<byte> code = stackalloc byte[20];
        var codeLength = WriteCode(row, code);
        var max = _max ?? int.MaxValue;
        if (max - codeLength >= 2)
        {
            // Words, a space, then the code: the code is the last word, and words never contain
            // spaces, so the code (hence the row) can be read back from the value.
            var start = output.Length;
            WriteWordsWithin(ref rng, output, Math.Max(_min - codeLength - 1, 1), max - codeLength - 1, 1 + (int)rng.NextBelow(2));
            if (output.Length == start)
            {
                output.Append((byte)'x');
            }

            output.Append((byte)' ').Append(code[..codeLength]);
            return;
        }

        // Too short for words: the code alone, zero-padded to the minimum length (a longer code
        // has no leading zero, so padded and unpadded codes never meet).
        var width = Math.Max(codeLength, Math.Min(_min, max));
        if (width > max)
        {
            throw _target.Exhausted(_typeSql, row);
        }

        var span = output.GetSpan(width);
        span[..(width - codeLength)].Fill((byte)'0');
        code[..codeLength].CopyTo(span[(width - codeLength)..]);
        output.Advance(width);
    }

    /// <summary>The row number in base 10, or base 36 when the column is short.</summary>
    private int WriteCode(long row, Span<byte> code)
    {
        var value = (ulong)row;
        var length = 0;
        do
        {
            var digit = (int)(value % (ulong)_codeBase);
            code[length++] = (byte)(digit < 10 ? '0' + digit : 'a' + digit - 10);
            value /= (ulong)_codeBase;
        }
        while (value > 0);

        code[..length].Reverse();
        return length;
    }

    /// <summary>One to three words within the length limits.</summary>
    private void WriteWords(ref Rng rng, ValueBuilder output) =>
        WriteWordsWithin(ref rng, output, _min, _max ?? int.MaxValue, 1 + (int)rng.NextBelow(3));

    /// <summary>
    /// Words separated by spaces, at least <paramref name="min"/> and at most <paramref name="max"/>
    /// characters, never ending in a space (char(n) would drop it and come up short).
    /// </summary>
    private static void WriteWordsWithin(ref Rng rng, ValueBuilder output, int min, int max, int words = 1)
    {
        var length = 0;
        for (var i = 0; i < words; i++)
        {
            var word = Vocabulary.Word(ref rng);
            if (length == 0)
            {
                var take = Math.Min(word.Length, max);
                output.Append(word[..take]);
                length = take;
            }
            else if (length + 1 + word.Length <= max)
            {
                output.Append((byte)' ').Append(word);
                length += 1 + word.Length;
            }
            else
            {
                break;
            }
        }

        while (length < min)
        {
            var word = Vocabulary.Word(ref rng);
            var room = max - length;
            if (room >= 2)
            {
                var take = Math.Min(word.Length, room - 1);
                output.Append((byte)' ').Append(word[..take]);
                length += 1 + take;
            }
            else
            {
                output.Append(word[0]);
                length++;
            }
        }
    }

    private bool IsForbidden(ReadOnlySpan<byte> value)
    {
        foreach (var forbidden in _forbidden)
        {
            if (value.SequenceEqual(forbidden))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsBlank(ReadOnlySpan<byte> value) => value.IndexOfAnyExcept((byte)' ') < 0;

    private static int? Min(int? a, int? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
}
