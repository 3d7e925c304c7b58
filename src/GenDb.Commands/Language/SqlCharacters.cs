using System.Buffers;

namespace GenDb.Commands;

/// <summary>
/// The character classes of PostgreSQL's lexer (src/backend/parser/scan.l), shared by the byte-level
/// detector and the character-level lexer so that both agree on what a token is.
/// </summary>
internal static class SqlCharacters
{
    /// <summary>
    /// scan.l's <c>space</c>: only these six. PostgreSQL treats every byte at or above 0x80 as an
    /// identifier character, so U+00A0, U+2003 or a byte-order mark are not whitespace.
    /// </summary>
    public static bool IsSpace(int c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v';

    public static bool IsNewline(int c) => c is '\n' or '\r';

    /// <summary>scan.l's <c>ident_start</c>: <c>[A-Za-z\200-\377_]</c>.</summary>
    public static bool IsIdentifierStart(int c) => char.IsAsciiLetter((char)c) || c == '_' || c >= 0x80;

    /// <summary>scan.l's <c>ident_cont</c>: <c>[A-Za-z\200-\377_0-9\$]</c>.</summary>
    public static bool IsIdentifierContinue(int c) => IsIdentifierStart(c) || char.IsAsciiDigit((char)c) || c == '$';

    /// <summary>scan.l's <c>op_chars</c>.</summary>
    public static bool IsOperatorChar(int c) => c is '~' or '!' or '@' or '#' or '^' or '&' or '|' or '`' or '?'
        or '+' or '-' or '*' or '/' or '%' or '<' or '>' or '=';

    /// <summary>
    /// Operator characters that let a multi-character operator end in <c>+</c> or <c>-</c>; without one
    /// of them scan.l strips trailing signs so that <c>=&gt;-1</c> reads as <c>=&gt;</c>, <c>-1</c>.
    /// </summary>
    public static readonly SearchValues<char> NonSqlOperatorChars = SearchValues.Create("~!@#^&|`?%");

    /// <summary>ASCII-only lower-casing, as PostgreSQL does for unquoted identifiers in UTF-8 databases.</summary>
    public static string LowerAscii(ReadOnlySpan<char> identifier)
    {
        if (!identifier.ContainsAnyInRange('A', 'Z'))
        {
            return identifier.ToString();
        }

        return string.Create(identifier.Length, identifier, static (destination, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                destination[i] = char.IsAsciiLetterUpper(source[i]) ? (char)(source[i] | 0x20) : source[i];
            }
        });
    }
}
