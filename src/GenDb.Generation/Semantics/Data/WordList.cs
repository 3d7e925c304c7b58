using System.Text;
using Bogus;
using GenDb.Generation.Randomness;

namespace GenDb.Generation.Semantics.Data;

/// <summary>
/// Words or phrases kept as UTF-8 with an ASCII fold (for email addresses and user names), so
/// writing one is a copy.
/// </summary>
internal sealed class WordList
{
    private readonly string[] _text;
    private readonly byte[][] _utf8;
    private readonly byte[][] _folded;

    /// <param name="romanize">
    /// For items that fold to nothing (kanji, hangul): the Latin spelling of item <c>i</c>, whose
    /// fold is used instead, so an email address reads <c>yui.tanaka</c> rather than <c>user.name</c>.
    /// </param>
    public WordList(IEnumerable<string> items, string locale = "en", Func<string, int, string>? romanize = null)
    {
        _text = [.. items.Select(i => i.Trim()).Where(i => i.Length > 0).Distinct(StringComparer.Ordinal)];
        if (_text.Length == 0)
        {
            throw new ArgumentException("A word list needs at least one word.", nameof(items));
        }

        _utf8 = [.. _text.Select(Encoding.UTF8.GetBytes)];
        _folded = [.. _text.Select((t, i) => Fold(t, locale) is { Length: 0 } && romanize is not null ? Fold(romanize(t, i), "en") : Fold(t, locale))];
    }

    public int Count => _text.Length;

    public ReadOnlySpan<byte> this[int index] => _utf8[index];

    public string Text(int index) => _text[index];

    /// <summary>Lowercase ASCII letters only: <c>Zoë O'Brien</c> → <c>zoeobrien</c>.</summary>
    public ReadOnlySpan<byte> Folded(int index) => _folded[index];

    public int Pick(ref Rng rng) => (int)rng.NextBelow((ulong)_text.Length);

    public ReadOnlySpan<byte> PickUtf8(ref Rng rng) => _utf8[Pick(ref rng)];

    /// <summary>Transliterates to ASCII (Bogus's tables, the same on every machine) and keeps the letters.</summary>
    public static byte[] Fold(string text, string locale)
    {
        var ascii = Transliterate(text, locale);
        var folded = new List<byte>(ascii.Length);
        foreach (var c in ascii)
        {
            if (char.IsAsciiLetter(c))
            {
                folded.Add((byte)char.ToLowerInvariant(c));
            }
        }

        return [.. folded];
    }

    /// <summary>Like <see cref="Fold"/>, but keeps digits and one space between words: <c>Müller &amp; Söhne</c> → <c>mueller soehne</c>.</summary>
    public static byte[] FoldWords(string text, string locale)
    {
        var ascii = Transliterate(text, locale);
        var folded = new List<byte>(ascii.Length);
        foreach (var c in ascii)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                folded.Add((byte)char.ToLowerInvariant(c));
            }
            else if (folded.Count > 0 && folded[^1] != (byte)' ')
            {
                folded.Add((byte)' ');
            }
        }

        return [.. folded];
    }

    /// <summary>
    /// Bogus's transliteration, repeated while letters outside ASCII remain: one pass can leave
    /// a letter behind (<c>Надежда</c> → <c>Naдezhda</c>), a second takes it.
    /// </summary>
    private static string Transliterate(string text, string locale)
    {
        var ascii = Transliterater.Translate(text, locale);
        for (var pass = 0; pass < 2 && !System.Text.Ascii.IsValid(ascii); pass++)
        {
            ascii = Transliterater.Translate(ascii, locale);
        }

        return ascii;
    }
}
