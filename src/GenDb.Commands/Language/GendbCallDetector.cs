namespace GenDb.Commands;

/// <summary>
/// Decides, from the raw bytes of a Query or Parse message, whether the statement is a
/// <c>CALL gendb.…</c> that the proxy answers itself. Runs on every such message of the relay, so it
/// reads the span in place, allocates nothing, and gives up on the first byte that rules a call out
/// (<c>SELECT …</c> is rejected after one byte).
/// </summary>
public static class GendbCallDetector
{
    private const int NotFound = -1;

    /// <summary>
    /// True when the text, after whitespace and comments, is <c>CALL</c> (any case), at least one
    /// whitespace or comment, <c>gendb</c> (any case) or <c>"gendb"</c> (exactly), optional whitespace
    /// or comments, and a <c>.</c>. Everything after the dot is the parser's business.
    /// </summary>
    public static bool IsGendbCall(ReadOnlySpan<byte> utf8Sql)
    {
        var i = SkipTrivia(utf8Sql, 0);
        if (i == NotFound || !StartsWithAsciiIgnoreCase(utf8Sql[i..], "call"u8))
        {
            return false;
        }

        i += 4;
        var afterCall = SkipTrivia(utf8Sql, i);

        // "CALLgendb" is one identifier; "CALL/**/gendb" and "CALL gendb" are two tokens.
        if (afterCall == NotFound || afterCall == i)
        {
            return false;
        }

        i = afterCall;
        var rest = utf8Sql[i..];
        if (StartsWithAsciiIgnoreCase(rest, "gendb"u8))
        {
            i += 5;
        }
        else if (rest.StartsWith("\"gendb\""u8))
        {
            // A quoted identifier is case-sensitive: "GENDB" names another schema.
            i += 7;
        }
        else
        {
            return false;
        }

        // "gendbx." fails here too: the identifier goes on, so the next byte is not trivia or a dot.
        i = SkipTrivia(utf8Sql, i);
        return i != NotFound && i < utf8Sql.Length && utf8Sql[i] == (byte)'.';
    }

    /// <summary>
    /// The index of the first byte at or after <paramref name="start"/> that is not whitespace or part
    /// of a comment, or <see cref="NotFound"/> when a block comment is not closed. Block comments nest,
    /// as in PostgreSQL (unlike the SQL standard's flat ones).
    /// </summary>
    private static int SkipTrivia(ReadOnlySpan<byte> sql, int start)
    {
        var i = start;
        while (i < sql.Length)
        {
            var b = sql[i];
            if (SqlCharacters.IsSpace(b))
            {
                i++;
            }
            else if (b == (byte)'-' && i + 1 < sql.Length && sql[i + 1] == (byte)'-')
            {
                var newline = sql[(i + 2)..].IndexOfAny((byte)'\n', (byte)'\r');
                if (newline < 0)
                {
                    return sql.Length;
                }

                i += 2 + newline + 1;
            }
            else if (b == (byte)'/' && i + 1 < sql.Length && sql[i + 1] == (byte)'*')
            {
                i = SkipBlockComment(sql, i);
                if (i == NotFound)
                {
                    return NotFound;
                }
            }
            else
            {
                break;
            }
        }

        return i;
    }

    /// <summary>The index just after the <c>*/</c> that closes the comment opened at <paramref name="start"/>.</summary>
    private static int SkipBlockComment(ReadOnlySpan<byte> sql, int start)
    {
        var depth = 1;
        var i = start + 2;
        while (true)
        {
            var next = sql[i..].IndexOfAny((byte)'*', (byte)'/');
            if (next < 0)
            {
                return NotFound;
            }

            i += next;
            if (i + 1 >= sql.Length)
            {
                return NotFound;
            }

            if (sql[i] == (byte)'*' && sql[i + 1] == (byte)'/')
            {
                i += 2;
                if (--depth == 0)
                {
                    return i;
                }
            }
            else if (sql[i] == (byte)'/' && sql[i + 1] == (byte)'*')
            {
                i += 2;
                depth++;
            }
            else
            {
                i++;
            }
        }
    }

    private static bool StartsWithAsciiIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> lowerCasePrefix)
    {
        if (text.Length < lowerCasePrefix.Length)
        {
            return false;
        }

        for (var i = 0; i < lowerCasePrefix.Length; i++)
        {
            // Setting bit 0x20 lower-cases an ASCII letter; it cannot turn a non-letter into one of the
            // lower-case letters compared against, whose upper-case forms are the only other matches.
            if ((text[i] | 0x20) != lowerCasePrefix[i])
            {
                return false;
            }
        }

        return true;
    }
}
