using System.Globalization;
using System.Text;

namespace GenDb.Generation.Constraints;

internal enum SqlTokenKind
{
    /// <summary>An unquoted word: a keyword (printed in upper case), a column, function or type name.</summary>
    Word,

    /// <summary>A double-quoted identifier; <see cref="SqlToken.Text"/> holds it unquoted.</summary>
    QuotedIdentifier,

    /// <summary>A string constant; <see cref="SqlToken.Text"/> holds its value, escapes resolved.</summary>
    String,

    /// <summary><c>B'101'</c> or <c>X'1F'</c>: never printed by PostgreSQL's deparser, read only to be refused.</summary>
    BitString,

    Number,
    Operator,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Comma,
    Dot,
    DoubleColon,
    End,
}

internal readonly record struct SqlToken(SqlTokenKind Kind, string Text)
{
    public static SqlToken End { get; } = new(SqlTokenKind.End, "");

    public bool IsKeyword(string keyword) =>
        Kind == SqlTokenKind.Word && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    public bool IsOperator(string op) => Kind == SqlTokenKind.Operator && Text == op;

    public override string ToString() => Kind == SqlTokenKind.End ? "end of text" : Text;
}

/// <summary>
/// Splits an expression as PostgreSQL's deparser prints it (pg_get_constraintdef, pg_get_expr) into
/// tokens, following the lexical rules of the SQL docs ("Lexical Structure", section 4.1).
/// </summary>
internal static class SqlLexer
{
    // Section 4.1.3: the characters an operator name is made of.
    private const string OperatorCharacters = "+-*/<>=~!@#%^&|`?";

    // An operator ending in + or - must also contain one of these, so "x>-5" lexes as "x > -5".
    private const string OperatorMarkers = "~!@#%^&|`?";

    public static bool TryTokenize(string text, out List<SqlToken> tokens)
    {
        tokens = [];
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            switch (c)
            {
                case '(':
                    tokens.Add(new(SqlTokenKind.LeftParen, "("));
                    i++;
                    continue;
                case ')':
                    tokens.Add(new(SqlTokenKind.RightParen, ")"));
                    i++;
                    continue;
                case '[':
                    tokens.Add(new(SqlTokenKind.LeftBracket, "["));
                    i++;
                    continue;
                case ']':
                    tokens.Add(new(SqlTokenKind.RightBracket, "]"));
                    i++;
                    continue;
                case ',':
                    tokens.Add(new(SqlTokenKind.Comma, ","));
                    i++;
                    continue;
                case ':' when At(text, i + 1) == ':':
                    tokens.Add(new(SqlTokenKind.DoubleColon, "::"));
                    i += 2;
                    continue;
                case '\'':
                    if (!TryReadQuoted(text, ref i, '\'', out var value))
                    {
                        return false;
                    }

                    tokens.Add(new(SqlTokenKind.String, value));
                    continue;
                case '"':
                    if (!TryReadQuoted(text, ref i, '"', out var name) || name.Length == 0)
                    {
                        return false;
                    }

                    tokens.Add(new(SqlTokenKind.QuotedIdentifier, name));
                    continue;
                default:
                    break;
            }

            if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(At(text, i + 1))))
            {
                tokens.Add(new(SqlTokenKind.Number, ReadNumber(text, ref i)));
                continue;
            }

            if (c == '.')
            {
                tokens.Add(new(SqlTokenKind.Dot, "."));
                i++;
                continue;
            }

            if (IsWordStart(c))
            {
                // E'...' escape strings and B'...' / X'...' bit strings (section 4.1.2).
                if (At(text, i + 1) == '\'' && (c is 'e' or 'E' or 'b' or 'B' or 'x' or 'X'))
                {
                    i++;
                    if (c is 'e' or 'E')
                    {
                        if (!TryReadEscapeString(text, ref i, out var escaped))
                        {
                            return false;
                        }

                        tokens.Add(new(SqlTokenKind.String, escaped));
                    }
                    else
                    {
                        if (!TryReadQuoted(text, ref i, '\'', out var bits))
                        {
                            return false;
                        }

                        tokens.Add(new(SqlTokenKind.BitString, bits));
                    }

                    continue;
                }

                var start = i;
                while (i < text.Length && IsWordPart(text[i]))
                {
                    i++;
                }

                tokens.Add(new(SqlTokenKind.Word, text[start..i]));
                continue;
            }

            if (OperatorCharacters.Contains(c, StringComparison.Ordinal))
            {
                tokens.Add(new(SqlTokenKind.Operator, ReadOperator(text, ref i)));
                continue;
            }

            return false;
        }

        return true;
    }

    private static char At(string text, int index) => index < text.Length ? text[index] : '\0';

    private static bool IsWordStart(char c) => char.IsAsciiLetter(c) || c == '_' || c >= '\u0080';

    private static bool IsWordPart(char c) => IsWordStart(c) || char.IsAsciiDigit(c) || c == '$';

    /// <summary>A quoted run where the quote is escaped by doubling it ('it''s', "a""b").</summary>
    private static bool TryReadQuoted(string text, ref int i, char quote, out string value)
    {
        var builder = new StringBuilder();
        i++;
        while (i < text.Length)
        {
            var c = text[i++];
            if (c != quote)
            {
                builder.Append(c);
                continue;
            }

            if (At(text, i) == quote)
            {
                builder.Append(quote);
                i++;
                continue;
            }

            value = builder.ToString();
            return true;
        }

        value = "";
        return false;
    }

    /// <summary>The body of E'...' (section 4.1.2.2): backslash escapes, and '' for a quote.</summary>
    private static bool TryReadEscapeString(string text, ref int i, out string value)
    {
        var builder = new StringBuilder();
        value = "";
        i++;
        while (i < text.Length)
        {
            var c = text[i++];
            if (c == '\'')
            {
                if (At(text, i) == '\'')
                {
                    builder.Append('\'');
                    i++;
                    continue;
                }

                value = builder.ToString();
                return true;
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (i >= text.Length)
            {
                return false;
            }

            var e = text[i++];
            switch (e)
            {
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case >= '0' and <= '7':
                    var octal = e - '0';
                    for (var n = 0; n < 2 && At(text, i) is >= '0' and <= '7'; n++)
                    {
                        octal = (octal * 8) + (text[i++] - '0');
                    }

                    builder.Append((char)octal);
                    break;
                case 'x':
                    if (!TryAppendHex(text, ref i, 1, 2, builder))
                    {
                        return false;
                    }

                    break;
                case 'u':
                    if (!TryAppendHex(text, ref i, 4, 4, builder))
                    {
                        return false;
                    }

                    break;
                case 'U':
                    if (!TryAppendHex(text, ref i, 8, 8, builder))
                    {
                        return false;
                    }

                    break;
                default:
                    builder.Append(e);
                    break;
            }
        }

        return false;
    }

    private static bool TryAppendHex(string text, ref int i, int minDigits, int maxDigits, StringBuilder builder)
    {
        var start = i;
        while (i - start < maxDigits && char.IsAsciiHexDigit(At(text, i)))
        {
            i++;
        }

        if (i - start < minDigits)
        {
            return false;
        }

        var code = int.Parse(text.AsSpan(start, i - start), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        if (code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
        {
            return false;
        }

        builder.Append(char.ConvertFromUtf32(code));
        return true;
    }

    private static string ReadNumber(string text, ref int i)
    {
        var start = i;
        while (char.IsAsciiDigit(At(text, i)))
        {
            i++;
        }

        // "1..2" does not occur in deparsed text; a dot followed by a digit continues the number.
        if (At(text, i) == '.' && At(text, i + 1) != '.')
        {
            i++;
            while (char.IsAsciiDigit(At(text, i)))
            {
                i++;
            }
        }

        if (At(text, i) is 'e' or 'E')
        {
            var exponent = i + 1;
            if (At(text, exponent) is '+' or '-')
            {
                exponent++;
            }

            if (char.IsAsciiDigit(At(text, exponent)))
            {
                i = exponent;
                while (char.IsAsciiDigit(At(text, i)))
                {
                    i++;
                }
            }
        }

        return text[start..i];
    }

    private static string ReadOperator(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && OperatorCharacters.Contains(text[i], StringComparison.Ordinal))
        {
            // "--" and "/*" start comments, which the deparser never prints; stop before them.
            if (i > start && ((text[i - 1] == '-' && text[i] == '-') || (text[i - 1] == '/' && text[i] == '*')))
            {
                break;
            }

            i++;
        }

        var length = i - start;
        var op = text.AsSpan(start, length);
        if (length > 1 && op.IndexOfAny(OperatorMarkers) < 0)
        {
            while (length > 1 && op[length - 1] is '+' or '-')
            {
                length--;
            }
        }

        i = start + length;
        return text.Substring(start, length);
    }
}
