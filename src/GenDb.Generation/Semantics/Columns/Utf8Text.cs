using GenDb.Generation.Values;

namespace GenDb.Generation.Semantics.Columns;

/// <summary>Character counts and cuts of UTF-8 text: varchar(n) and length() count characters, not bytes.</summary>
internal static class Utf8Text
{
    public static int CharCount(ReadOnlySpan<byte> utf8)
    {
        var count = 0;
        foreach (var b in utf8)
        {
            // Every byte except a continuation byte (10xxxxxx) starts a character.
            if ((b & 0xC0) != 0x80)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The bytes that hold the first <paramref name="chars"/> characters.</summary>
    public static int PrefixBytes(ReadOnlySpan<byte> utf8, int chars)
    {
        var seen = 0;
        for (var i = 0; i < utf8.Length; i++)
        {
            if ((utf8[i] & 0xC0) != 0x80)
            {
                if (seen == chars)
                {
                    return i;
                }

                seen++;
            }
        }

        return utf8.Length;
    }

    /// <summary>
    /// Cuts what was written since <paramref name="start"/> to at most <paramref name="maxChars"/>
    /// characters, at a word boundary when one is near, without trailing spaces or punctuation.
    /// </summary>
    public static void Fit(ValueBuilder output, int start, int maxChars)
    {
        var written = output.WrittenSpan[start..];
        if (written.Length <= maxChars || CharCount(written) <= maxChars)
        {
            return;
        }

        var cut = PrefixBytes(written, maxChars);

        // Prefer the last space in the second half of what is kept.
        var space = written[..cut].LastIndexOf((byte)' ');
        if (space > cut / 2 && (cut >= written.Length || written[cut] != (byte)' '))
        {
            cut = space;
        }

        while (cut > 1 && written[cut - 1] is (byte)' ' or (byte)',' or (byte)'-' or (byte)'&' or (byte)'/' or (byte)'.' or (byte)'\'' or (byte)'(')
        {
            cut--;
        }

        output.Truncate(start + cut);
    }
}
