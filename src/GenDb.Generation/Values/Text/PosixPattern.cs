using System.Globalization;
using System.Text;

namespace GenDb.Generation.Values.Text;

/// <summary>
/// Translates a PostgreSQL regular expression (an ARE, PostgreSQL docs 9.7.3) into the syntax of
/// Fare's RegExp, for generating strings that match it. Fare matches whole strings while
/// PostgreSQL searches, so <c>^</c> and <c>$</c> at the ends of top-level alternatives are dropped
/// and an end without one gets room for a few letters or digits. Constructs with no regular
/// equivalent (back references, lookaround, word boundaries) make the translation fail; the
/// caller then generates without the pattern and PostgreSQL judges the rows.
/// </summary>
internal static class PosixPattern
{
    /// <summary>
    /// Writes the Fare form of <paramref name="pattern"/> to <paramref name="fare"/>, and every
    /// non-ASCII character it names to <paramref name="extraChars"/> (the generation alphabet is
    /// printable ASCII plus those).
    /// </summary>
    public static bool TryTranslate(string pattern, StringBuilder fare, ISet<char> extraChars)
    {
        var i = 0;
        if (pattern.StartsWith("***=", StringComparison.Ordinal))
        {
            return AppendLiterals(pattern.AsSpan(4), fare, extraChars);
        }

        if (pattern.StartsWith("***:", StringComparison.Ordinal))
        {
            i = 4;
        }

        // Embedded options, only at the start of an ARE: (?i) and the like change nothing for
        // generation; (?q) makes the rest literal; expanded syntax (?x) is not translated.
        if (pattern.AsSpan(i).StartsWith("(?") && pattern.IndexOf(')', i) is var close && close > i + 2
            && pattern.AsSpan(i + 2, close - i - 2).IndexOfAnyExcept("bceimnpqstw") < 0)
        {
            var options = pattern.AsSpan(i + 2, close - i - 2);
            if (options.Contains('q'))
            {
                return AppendLiterals(pattern.AsSpan(close + 1), fare, extraChars);
            }

            if (options.ContainsAny("be"))
            {
                return false;
            }

            i = close + 1;
        }

        var depth = 0;
        var alternative = new StringBuilder();
        var alternativeStart = true;
        var anchoredStart = false;
        var anchoredEnd = false;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            var wasStart = alternativeStart;
            alternativeStart = false;
            switch (c)
            {
                case '^':
                    if (depth != 0 || !wasStart)
                    {
                        return false;
                    }

                    anchoredStart = true;
                    alternativeStart = true;
                    i++;
                    break;
                case '$':
                    if (!IsEndOfAlternative(pattern, i + 1, depth))
                    {
                        return false;
                    }

                    anchoredEnd = true;
                    i++;
                    break;
                case '\\':
                    if (!TryEscape(pattern, ref i, depth, wasStart, alternative, extraChars, out var anchor))
                    {
                        return false;
                    }

                    anchoredStart |= anchor == Anchor.Start;
                    anchoredEnd |= anchor == Anchor.End;
                    alternativeStart = anchor == Anchor.Start;
                    break;
                case '[':
                    if (!TryBracket(pattern, ref i, alternative, extraChars))
                    {
                        return false;
                    }

                    break;
                case '(':
                    if (i + 1 < pattern.Length && pattern[i + 1] == '?')
                    {
                        if (i + 2 >= pattern.Length || pattern[i + 2] != ':')
                        {
                            return false;
                        }

                        i += 2;
                    }

                    alternative.Append('(');
                    depth++;
                    i++;
                    break;
                case ')':
                    if (--depth < 0)
                    {
                        return false;
                    }

                    alternative.Append(')');
                    i++;
                    break;
                case '|' when depth == 0:
                    AppendAlternative(fare, alternative, anchoredStart, anchoredEnd);
                    fare.Append('|');
                    alternative.Clear();
                    (anchoredStart, anchoredEnd, alternativeStart) = (false, false, true);
                    i++;
                    break;
                case '|':
                    alternative.Append('|');
                    i++;
                    break;
                case '*' or '+' or '?':
                    alternative.Append(c);
                    i++;
                    SkipLazy(pattern, ref i);
                    break;
                case '{':
                    if (TryBound(pattern, ref i, alternative))
                    {
                        SkipLazy(pattern, ref i);
                    }
                    else
                    {
                        AppendLiteral(c, alternative);
                        i++;
                    }

                    break;
                case '.':
                    alternative.Append('.');
                    i++;
                    break;
                default:
                    if (!TryLiteral(c, alternative, extraChars))
                    {
                        return false;
                    }

                    i++;
                    break;
            }
        }

        AppendAlternative(fare, alternative, anchoredStart, anchoredEnd);
        return depth == 0;
    }

    /// <summary>
    /// An alternative that is not anchored may have text around its match (PostgreSQL searches
    /// for the pattern): a little room keeps unanchored patterns from being a single string.
    /// </summary>
    private static void AppendAlternative(StringBuilder fare, StringBuilder alternative, bool anchoredStart, bool anchoredEnd)
    {
        const string Around = "[a-z0-9]*";
        if (!anchoredStart)
        {
            fare.Append(Around);
        }

        fare.Append('(').Append(alternative).Append(')');
        if (!anchoredEnd)
        {
            fare.Append(Around);
        }
    }

    private static bool IsEndOfAlternative(string pattern, int next, int depth) =>
        depth == 0 && (next == pattern.Length || pattern[next] == '|');

    private static void SkipLazy(string pattern, ref int i)
    {
        if (i < pattern.Length && pattern[i] == '?')
        {
            i++;
        }
    }

    /// <summary><c>{m}</c>, <c>{m,}</c>, <c>{m,n}</c>; anything else is a literal brace.</summary>
    private static bool TryBound(string pattern, ref int i, StringBuilder fare)
    {
        var close = pattern.IndexOf('}', i);
        if (close < 0)
        {
            return false;
        }

        var inside = pattern.AsSpan(i + 1, close - i - 1);
        var comma = inside.IndexOf(',');
        var first = comma < 0 ? inside : inside[..comma];
        var second = comma < 0 ? [] : inside[(comma + 1)..];
        if (first.IsEmpty || first.ContainsAnyExceptInRange('0', '9') || second.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        fare.Append('{').Append(inside).Append('}');
        i = close + 1;
        return true;
    }

    private static bool TryEscape(string pattern, ref int i, int depth, bool atStart, StringBuilder fare, ISet<char> extraChars, out Anchor anchor)
    {
        anchor = Anchor.None;
        if (i + 1 >= pattern.Length)
        {
            return false;
        }

        var e = pattern[i + 1];
        i += 2;
        switch (e)
        {
            case 'd':
                fare.Append("[0-9]");
                return true;
            case 'D':
                fare.Append("[^0-9]");
                return true;
            case 'w':
                fare.Append("[a-zA-Z0-9_]");
                return true;
            case 'W':
                fare.Append("[^a-zA-Z0-9_]");
                return true;
            case 's':
                fare.Append("[\\ ]");
                return true;
            case 'S':
                fare.Append("[^\\ \t\n\r\f\v]");
                return true;
            case 'A':
                anchor = Anchor.Start;
                return depth == 0 && atStart;
            case 'Z':
                anchor = Anchor.End;
                return IsEndOfAlternative(pattern, i, depth);
            default:
                if (!TryEscapedChar(e, pattern, ref i, out var literal))
                {
                    return false;
                }

                return TryLiteral(literal, fare, extraChars);
        }
    }

    /// <summary>A character escape (<c>\n</c>, <c>\x41</c>, <c>\.</c>); <paramref name="i"/> is just past the escape letter.</summary>
    private static bool TryEscapedChar(char e, string pattern, ref int i, out char literal)
    {
        literal = e switch
        {
            'a' => '\a',
            'b' => '\b',
            'B' => '\\',
            'e' => '\u001B',
            'f' => '\f',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'v' => '\v',
            _ => e,
        };
        if (e is 'x' or 'u' or 'U')
        {
            var length = e switch
            {
                'u' => 4,
                'U' => 8,
                _ => pattern.AsSpan(i).IndexOfAnyExcept("0123456789abcdefABCDEF") is var n && n >= 0 ? n : pattern.Length - i,
            };
            if (length == 0 || i + length > pattern.Length
                || !int.TryParse(pattern.AsSpan(i, length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
                || code > char.MaxValue)
            {
                return false;
            }

            i += length;
            literal = (char)code;
            return true;
        }

        // Other letters and digits are class shorthands, constraints or back references.
        return !char.IsAsciiLetterOrDigit(e) || e is 'a' or 'b' or 'B' or 'e' or 'f' or 'n' or 'r' or 't' or 'v';
    }

    /// <summary>A bracket expression: ranges, named classes, escapes; collating elements of one character.</summary>
    private static bool TryBracket(string pattern, ref int i, StringBuilder fare, ISet<char> extraChars)
    {
        i++;
        var negate = i < pattern.Length && pattern[i] == '^';
        if (negate)
        {
            i++;
        }

        var items = new StringBuilder();
        var first = true;
        while (true)
        {
            if (i >= pattern.Length)
            {
                return false;
            }

            var c = pattern[i];
            if (c == ']' && !first)
            {
                i++;
                break;
            }

            first = false;
            if (c == '[' && i + 1 < pattern.Length && pattern[i + 1] == ':')
            {
                var close = pattern.IndexOf(":]", i + 2, StringComparison.Ordinal);
                if (close < 0 || ClassRanges(pattern[(i + 2)..close]) is not { } ranges)
                {
                    return false;
                }

                items.Append(ranges);
                i = close + 2;
                continue;
            }

            if (!TryBracketChar(pattern, ref i, items, out var low))
            {
                return false;
            }

            if (low is not { } from)
            {
                continue;
            }

            if (i + 1 < pattern.Length && pattern[i] == '-' && pattern[i + 1] != ']')
            {
                i++;
                if (!TryBracketChar(pattern, ref i, items, out var high) || high is not { } to || to < from)
                {
                    return false;
                }

                if (!TryClassChar(from, items, extraChars))
                {
                    return false;
                }

                items.Append('-');
                if (!TryClassChar(to, items, extraChars))
                {
                    return false;
                }

                continue;
            }

            if (!TryClassChar(from, items, extraChars))
            {
                return false;
            }
        }

        if (items.Length == 0)
        {
            return false;
        }

        fare.Append('[');
        if (negate)
        {
            fare.Append('^');
        }

        fare.Append(items).Append(']');
        return true;
    }

    /// <summary>
    /// One character of a bracket expression, or a class shorthand (<c>\d</c>) written straight to
    /// <paramref name="items"/> (then <paramref name="literal"/> is null).
    /// </summary>
    private static bool TryBracketChar(string pattern, ref int i, StringBuilder items, out char? literal)
    {
        literal = null;
        var c = pattern[i];
        if (c == '[' && i + 1 < pattern.Length && pattern[i + 1] is '.' or '=')
        {
            var kind = pattern[i + 1];
            var close = pattern.IndexOf(kind + "]", i + 2, StringComparison.Ordinal);
            if (close != i + 3)
            {
                return false;
            }

            literal = pattern[i + 2];
            i = close + 2;
            return true;
        }

        if (c == '\\' && i + 1 < pattern.Length)
        {
            var e = pattern[i + 1];
            i += 2;
            switch (e)
            {
                case 'd':
                    items.Append("0-9");
                    return true;
                case 'w':
                    items.Append("a-zA-Z0-9_");
                    return true;
                case 's':
                    items.Append("\\ ");
                    return true;
                default:
                    if (!TryEscapedChar(e, pattern, ref i, out var escaped))
                    {
                        return false;
                    }

                    literal = escaped;
                    return true;
            }
        }

        literal = c;
        i++;
        return true;
    }

    /// <summary>A POSIX class as Fare ranges; the ASCII members are enough to generate from.</summary>
    private static string? ClassRanges(string name) => name switch
    {
        "alpha" => "a-zA-Z",
        "upper" => "A-Z",
        "lower" => "a-z",
        "digit" => "0-9",
        "alnum" => "a-zA-Z0-9",
        "xdigit" => "0-9a-fA-F",
        "word" => "a-zA-Z0-9_",
        "space" => "\\ \t\n\r\f\v",
        "blank" => "\\ \t",
        "punct" => "\\!-\\/\\:-\\@\\[-\\`\\{-\\~",
        "graph" => "\\!-\\~",
        "print" => "\\ -\\~",
        _ => null,
    };

    private static bool AppendLiterals(ReadOnlySpan<char> text, StringBuilder fare, ISet<char> extraChars)
    {
        foreach (var c in text)
        {
            if (!TryLiteral(c, fare, extraChars))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryLiteral(char c, StringBuilder fare, ISet<char> extraChars)
    {
        if (char.IsSurrogate(c))
        {
            return false;
        }

        if (c > '\u007F')
        {
            extraChars.Add(c);
        }

        AppendLiteral(c, fare);
        return true;
    }

    private static bool TryClassChar(char c, StringBuilder items, ISet<char> extraChars) => TryLiteral(c, items, extraChars);

    /// <summary>Letters and digits as they are; everything else escaped, since Fare gives meaning to more characters than POSIX does.</summary>
    private static void AppendLiteral(char c, StringBuilder fare)
    {
        if (!char.IsAsciiLetterOrDigit(c))
        {
            fare.Append('\\');
        }

        fare.Append(c);
    }

    private enum Anchor
    {
        None,
        Start,
        End,
    }
}
