using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace GenDb.Commands;

/// <summary>
/// Splits a statement into <see cref="GendbToken"/>s by the rules of PostgreSQL's scanner
/// (src/backend/parser/scan.l, with standard_conforming_strings on), covering what a gendb call can
/// hold: identifiers, strings in all three quotings, numbers, placeholders and punctuation. Errors
/// carry PostgreSQL's messages and the position of the offending token.
/// </summary>
internal sealed class GendbLexer(string sql)
{
    private readonly string _sql = sql;
    private readonly bool _hasSurrogates = sql.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF');
    private int _offset;

    public string Sql => _sql;

    /// <summary>UTF-16 index of the next character to read.</summary>
    public int Offset => _offset;

    public bool AtEnd => _offset >= _sql.Length;

    /// <summary>
    /// The 1-based character position PostgreSQL would report for the UTF-16 index: it counts
    /// characters, so an emoji (two UTF-16 units, four UTF-8 bytes) moves the position by one.
    /// </summary>
    public int PositionOf(int index)
    {
        if (!_hasSurrogates)
        {
            return index + 1;
        }

        var pairs = 0;
        for (var i = 1; i < index; i++)
        {
            if (char.IsLowSurrogate(_sql[i]) && char.IsHighSurrogate(_sql[i - 1]))
            {
                pairs++;
            }
        }

        return index - pairs + 1;
    }

    /// <summary>Moves past characters the caller has looked at itself (a <c>;</c> between statements).</summary>
    public void Skip(int count) => _offset = Math.Min(_sql.Length, _offset + count);

    /// <summary>Moves past whitespace and comments; block comments nest.</summary>
    public void SkipTrivia()
    {
        while (_offset < _sql.Length)
        {
            var c = _sql[_offset];
            if (SqlCharacters.IsSpace(c))
            {
                _offset++;
            }
            else if (c == '-' && CharAt(_offset + 1) == '-')
            {
                var newline = _sql.AsSpan(_offset + 2).IndexOfAny('\n', '\r');
                _offset = newline < 0 ? _sql.Length : _offset + 2 + newline + 1;
            }
            else if (c == '/' && CharAt(_offset + 1) == '*')
            {
                _offset = EndOfBlockComment(_offset);
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>Reads the next token, or <see cref="GendbTokenKind.End"/> at the end of the text.</summary>
    /// <exception cref="GendbErrorException">The text at the current offset is not a token.</exception>
    public GendbToken Read()
    {
        SkipTrivia();
        var start = _offset;
        if (start >= _sql.Length)
        {
            return new GendbToken(GendbTokenKind.End, start, start, string.Empty);
        }

        var c = _sql[start];
        var next = CharAt(start + 1);
        return c switch
        {
            'E' or 'e' when next == '\'' => ReadString(start, start + 2, extended: true),
            '\'' => ReadString(start, start + 1, extended: false),
            '"' => ReadQuotedIdentifier(start),
            '$' => ReadDollar(start),
            '(' => Punctuation(GendbTokenKind.LeftParen, start, 1),
            ')' => Punctuation(GendbTokenKind.RightParen, start, 1),
            ',' => Punctuation(GendbTokenKind.Comma, start, 1),
            ';' => Punctuation(GendbTokenKind.Semicolon, start, 1),
            ':' when next == '=' => Punctuation(GendbTokenKind.ColonEquals, start, 2),
            ':' when next == ':' => Punctuation(GendbTokenKind.Other, start, 2),
            '.' when !char.IsAsciiDigit(next) => Punctuation(GendbTokenKind.Dot, start, 1),
            _ when char.IsAsciiDigit(c) || c == '.' => ReadNumber(start),
            _ when SqlCharacters.IsIdentifierStart(c) => ReadIdentifier(start),
            _ when SqlCharacters.IsOperatorChar(c) => ReadOperator(start),
            _ => Punctuation(GendbTokenKind.Other, start, char.IsHighSurrogate(c) && char.IsLowSurrogate(next) ? 2 : 1),
        };
    }

    private char CharAt(int index) => index < _sql.Length ? _sql[index] : '\0';

    private GendbToken Punctuation(GendbTokenKind kind, int start, int length)
    {
        _offset = start + length;
        return new GendbToken(kind, start, _offset, _sql.Substring(start, length));
    }

    private int EndOfBlockComment(int start)
    {
        var depth = 1;
        var i = start + 2;
        while (i < _sql.Length - 1)
        {
            if (_sql[i] == '*' && _sql[i + 1] == '/')
            {
                i += 2;
                if (--depth == 0)
                {
                    return i;
                }
            }
            else if (_sql[i] == '/' && _sql[i + 1] == '*')
            {
                i += 2;
                depth++;
            }
            else
            {
                i++;
            }
        }

        throw Unterminated("unterminated /* comment", start);
    }

    private GendbToken ReadIdentifier(int start)
    {
        var end = start + 1;
        while (end < _sql.Length && SqlCharacters.IsIdentifierContinue(_sql[end]))
        {
            end++;
        }

        _offset = end;
        return new GendbToken(GendbTokenKind.Identifier, start, end, SqlCharacters.LowerAscii(_sql.AsSpan(start, end - start)));
    }

    private GendbToken ReadQuotedIdentifier(int start)
    {
        var name = new StringBuilder();
        var i = start + 1;
        while (true)
        {
            var close = _sql.IndexOf('"', i);
            if (close < 0)
            {
                throw Unterminated("unterminated quoted identifier", start);
            }

            name.Append(_sql, i, close - i);
            if (CharAt(close + 1) != '"')
            {
                _offset = close + 1;
                break;
            }

            name.Append('"');
            i = close + 2;
        }

        if (name.Length == 0)
        {
            throw SyntaxError("zero-length delimited identifier", start, _offset,
                "Name the identifier inside the double quotes, or write a text value in single quotes.");
        }

        return new GendbToken(GendbTokenKind.QuotedIdentifier, start, _offset, name.ToString());
    }

    /// <summary>
    /// <c>'…'</c> (only <c>''</c> is special) or, when <paramref name="extended"/>, <c>E'…'</c> with
    /// backslash escapes. As in the SQL standard, a string continues in another literal that follows
    /// after whitespace holding a newline: <c>'ab'\n'cd'</c> is <c>'abcd'</c>.
    /// </summary>
    private GendbToken ReadString(int start, int contentStart, bool extended)
    {
        var text = new StringBuilder();

        // \x and octal escapes give bytes, not characters: E'\xC3\xA9' is é. They wait here until the
        // next character or the end of the string and must then form valid UTF-8, as on the server.
        var bytes = new List<byte>();
        var i = contentStart;
        while (true)
        {
            if (i >= _sql.Length)
            {
                throw Unterminated("unterminated quoted string", start);
            }

            var c = _sql[i];
            if (c == '\'')
            {
                if (CharAt(i + 1) == '\'')
                {
                    FlushBytes(bytes, text, start);
                    text.Append('\'');
                    i += 2;
                    continue;
                }

                var afterSpace = i + 1;
                var sawNewline = false;
                while (afterSpace < _sql.Length && SqlCharacters.IsSpace(_sql[afterSpace]))
                {
                    sawNewline |= SqlCharacters.IsNewline(_sql[afterSpace]);
                    afterSpace++;
                }

                if (sawNewline && CharAt(afterSpace) == '\'')
                {
                    i = afterSpace + 1;
                    continue;
                }

                i++;
                break;
            }

            if (extended && c == '\\')
            {
                i = ReadEscape(i, start, text, bytes);
                continue;
            }

            FlushBytes(bytes, text, start);
            text.Append(c);
            i++;
        }

        FlushBytes(bytes, text, start);
        _offset = i;
        return new GendbToken(GendbTokenKind.String, start, i, text.ToString());
    }

    /// <summary>Reads the escape at <paramref name="backslash"/>; returns the index after it.</summary>
    private int ReadEscape(int backslash, int stringStart, StringBuilder text, List<byte> bytes)
    {
        if (backslash + 1 >= _sql.Length)
        {
            throw Unterminated("unterminated quoted string", stringStart);
        }

        var c = _sql[backslash + 1];
        if (c is >= '0' and <= '7')
        {
            var digits = CountWhile(backslash + 1, 3, static d => d is >= '0' and <= '7');
            var value = Convert.ToInt32(_sql.Substring(backslash + 1, digits), 8);

            // As in scan.l, \777 keeps only the low byte.
            bytes.Add((byte)value);
            return backslash + 1 + digits;
        }

        if (c == 'x' && char.IsAsciiHexDigit(CharAt(backslash + 2)))
        {
            var digits = CountWhile(backslash + 2, 2, char.IsAsciiHexDigit);
            bytes.Add(byte.Parse(_sql.AsSpan(backslash + 2, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
            return backslash + 2 + digits;
        }

        FlushBytes(bytes, text, stringStart);
        if (c is 'u' or 'U')
        {
            return ReadUnicodeEscape(backslash, text);
        }

        var escaped = c switch
        {
            'b' => '\b',
            'f' => '\f',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'v' => '\v',
            _ => c,
        };
        text.Append(escaped);
        if (char.IsHighSurrogate(c) && char.IsLowSurrogate(CharAt(backslash + 2)))
        {
            text.Append(_sql[backslash + 2]);
            return backslash + 3;
        }

        return backslash + 2;
    }

    /// <summary><c>\uXXXX</c> or <c>\UXXXXXXXX</c>; a UTF-16 surrogate pair must come as two <c>\u</c> escapes in a row.</summary>
    private int ReadUnicodeEscape(int backslash, StringBuilder text)
    {
        var codePoint = ReadUnicodeCodePoint(backslash, out var end);
        if (codePoint <= 0xFFFF && char.IsHighSurrogate((char)codePoint))
        {
            var lowEnd = end;
            var low = CharAt(end) == '\\' && CharAt(end + 1) is 'u' or 'U' ? ReadUnicodeCodePoint(end, out lowEnd) : -1;
            if (low is < 0 or > 0xFFFF || !char.IsLowSurrogate((char)low))
            {
                throw SyntaxError("invalid Unicode surrogate pair", backslash, end,
                    "Write a character outside the Basic Multilingual Plane as \\UXXXXXXXX or as a high and a low surrogate, \\uD83D\\uDE00.");
            }

            text.Append((char)codePoint).Append((char)low);
            return lowEnd;
        }

        if (codePoint == 0 || codePoint > 0x10FFFF || (codePoint <= 0xFFFF && char.IsLowSurrogate((char)codePoint)))
        {
            throw SyntaxError("invalid Unicode escape value", backslash, end,
                "A Unicode escape names a character from U+0001 to U+10FFFF that is not a lone surrogate.");
        }

        text.Append(char.ConvertFromUtf32(codePoint));
        return end;
    }

    private int ReadUnicodeCodePoint(int backslash, out int end)
    {
        var wanted = _sql[backslash + 1] == 'u' ? 4 : 8;
        var digits = CountWhile(backslash + 2, wanted, char.IsAsciiHexDigit);
        end = backslash + 2 + digits;
        if (digits < wanted)
        {
            throw new GendbErrorException(new GendbError(
                GendbSqlState.InvalidEscapeSequence,
                "invalid Unicode escape",
                "Unicode escapes must be \\uXXXX or \\UXXXXXXXX.",
                PositionOf(backslash)));
        }

        var value = long.Parse(_sql.AsSpan(backslash + 2, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        return value > int.MaxValue ? int.MaxValue : (int)value;
    }

    private int CountWhile(int start, int max, Func<char, bool> predicate)
    {
        var count = 0;
        while (count < max && start + count < _sql.Length && predicate(_sql[start + count]))
        {
            count++;
        }

        return count;
    }

    /// <summary>Decodes the bytes of <c>\x</c> and octal escapes collected so far; PostgreSQL rejects NUL and invalid UTF-8.</summary>
    private void FlushBytes(List<byte> bytes, StringBuilder text, int stringStart)
    {
        if (bytes.Count == 0)
        {
            return;
        }

        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(bytes);
        var chars = new char[span.Length];
        var status = Utf8.ToUtf16(span, chars, out var read, out var written, replaceInvalidSequences: false);
        var nul = span.IndexOf((byte)0);
        if (status != OperationStatus.Done || nul >= 0)
        {
            var bad = nul >= 0 && (status == OperationStatus.Done || nul < read) ? nul : read;
            var shown = span[bad..][..Math.Min(4, span.Length - bad)];
            throw new GendbErrorException(new GendbError(
                GendbSqlState.CharacterNotInRepertoire,
                $"invalid byte sequence for encoding \"UTF8\": {SqlText.HexBytes(shown)}",
                "\\x and octal escapes give bytes, and together they must spell UTF-8; \\u escapes name characters.",
                PositionOf(stringStart)));
        }

        text.Append(chars, 0, written);
        bytes.Clear();
    }

    /// <summary>A placeholder (<c>$1</c>), a dollar-quoted string (<c>$$…$$</c>, <c>$tag$…$tag$</c>), or a stray <c>$</c>.</summary>
    private GendbToken ReadDollar(int start)
    {
        if (char.IsAsciiDigit(CharAt(start + 1)))
        {
            var end = start + 1;
            while (char.IsAsciiDigit(CharAt(end)))
            {
                end++;
            }

            if (SqlCharacters.IsIdentifierStart(CharAt(end)))
            {
                throw TrailingJunk("trailing junk after parameter", start, end);
            }

            _offset = end;
            var digits = _sql.AsSpan(start + 1, end - start - 1);
            if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                throw SyntaxError("parameter number too large", start, end, null);
            }

            if (number == 0)
            {
                throw new GendbErrorException(new GendbError(
                    GendbSqlState.UndefinedParameter, "there is no parameter $0", "Placeholders are numbered from $1.", PositionOf(start)));
            }

            return new GendbToken(GendbTokenKind.Placeholder, start, end, number.ToString(CultureInfo.InvariantCulture));
        }

        // scan.l's dolqdelim: \$({dolq_start}{dolq_cont}*)?\$, where a tag cannot hold a $ or begin with a digit.
        var tagEnd = start + 1;
        if (SqlCharacters.IsIdentifierStart(CharAt(tagEnd)))
        {
            while (tagEnd < _sql.Length && SqlCharacters.IsIdentifierContinue(_sql[tagEnd]) && _sql[tagEnd] != '$')
            {
                tagEnd++;
            }
        }

        if (CharAt(tagEnd) != '$')
        {
            return Punctuation(GendbTokenKind.Other, start, 1);
        }

        var delimiter = _sql.AsSpan(start, tagEnd + 1 - start);
        var bodyStart = tagEnd + 1;
        var close = _sql.AsSpan(bodyStart).IndexOf(delimiter, StringComparison.Ordinal);
        if (close < 0)
        {
            throw Unterminated("unterminated dollar-quoted string", start);
        }

        _offset = bodyStart + close + delimiter.Length;
        return new GendbToken(GendbTokenKind.String, start, _offset, _sql.Substring(bodyStart, close));
    }

    /// <summary>Integers (<c>42</c>) and decimals (<c>1.5</c>, <c>.5</c>, <c>1.</c>, <c>1e3</c>); the sign is the parser's.</summary>
    private GendbToken ReadNumber(int start)
    {
        var kind = GendbTokenKind.Integer;
        var end = start;
        while (char.IsAsciiDigit(CharAt(end)))
        {
            end++;
        }

        // "1..2" is 1 followed by two dots, as in scan.l's numericfail.
        if (CharAt(end) == '.' && CharAt(end + 1) != '.')
        {
            kind = GendbTokenKind.Decimal;
            end++;
            while (char.IsAsciiDigit(CharAt(end)))
            {
                end++;
            }
        }

        if (CharAt(end) is 'e' or 'E')
        {
            var exponent = end + 1;
            if (CharAt(exponent) is '+' or '-')
            {
                exponent++;
            }

            if (char.IsAsciiDigit(CharAt(exponent)))
            {
                kind = GendbTokenKind.Decimal;
                end = exponent;
                while (char.IsAsciiDigit(CharAt(end)))
                {
                    end++;
                }
            }
        }

        if (SqlCharacters.IsIdentifierStart(CharAt(end)))
        {
            throw TrailingJunk("trailing junk after numeric literal", start, end);
        }

        _offset = end;
        return new GendbToken(kind, start, end, _sql[start..end]);
    }

    /// <summary>An operator as scan.l cuts it: stop before a comment, and drop trailing + and - from plain SQL operators.</summary>
    private GendbToken ReadOperator(int start)
    {
        var end = start + 1;
        while (end < _sql.Length && SqlCharacters.IsOperatorChar(_sql[end]))
        {
            if ((_sql[end] == '-' && CharAt(end + 1) == '-') || (_sql[end] == '/' && CharAt(end + 1) == '*'))
            {
                break;
            }

            end++;
        }

        if (end - start > 1 && _sql[end - 1] is '+' or '-' && !_sql.AsSpan(start, end - start - 1).ContainsAny(SqlCharacters.NonSqlOperatorChars))
        {
            while (end - start > 1 && _sql[end - 1] is '+' or '-')
            {
                end--;
            }
        }

        var token = Punctuation(GendbTokenKind.Operator, start, end - start);
        return token.Value == "=>" ? token with { Kind = GendbTokenKind.Arrow } : token;
    }

    private GendbErrorException Unterminated(string what, int start) =>
        SyntaxError(what, start, _sql.Length, null);

    private GendbErrorException TrailingJunk(string what, int start, int end)
    {
        while (end < _sql.Length && SqlCharacters.IsIdentifierContinue(_sql[end]))
        {
            end++;
        }

        return SyntaxError(what, start, end, "Separate the number from the word after it with a space or a comma.");
    }

    /// <summary>A 42601 with PostgreSQL's "… at or near "text"" wording.</summary>
    private GendbErrorException SyntaxError(string what, int start, int end, string? hint) =>
        new(new GendbError(
            GendbSqlState.SyntaxError,
            $"{what} at or near \"{SqlText.Excerpt(_sql.AsSpan(start, end - start))}\"",
            hint,
            PositionOf(start)));
}
