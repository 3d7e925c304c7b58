using System.Buffers;
using System.Buffers.Binary;
using System.Text.RegularExpressions;

namespace GenDb.Sql.Npgsql;

/// <summary>
/// Counts the rows in COPY data as PostgreSQL splits it (copyfromparse.c, CopyReadLineText): the
/// count Npgsql does not pass on, as its COPY streams drop the <c>COPY n</c> command tag.
/// </summary>
/// <remarks>
/// Text format: a line is a row; a line end escaped by a backslash is data; <c>\.</c> ends the data.
/// CSV: a line end inside quotes is data (QUOTE and ESCAPE as the statement sets them); a line
/// that is only <c>\.</c> ends the data. Binary: a tuple is a row. A HEADER line is not a row.
/// Rows the server drops itself (a WHERE clause, <c>ON_ERROR ignore</c>) are still counted.
/// </remarks>
internal sealed partial class CopyRowCounter
{
    private const int BinaryHeaderSize = 19; // signature (11), flags (4), header extension length (4)

    private readonly CopyFormat _format;
    private readonly byte _quote;
    private readonly byte _escape;
    private readonly bool _header;
    private readonly SearchValues<byte> _special;

    private long _lines;
    private bool _ended;
    private bool _lineHasData;
    private bool _afterCarriageReturn;

    // Text: the previous byte was a backslash. CSV: the line so far is "\" (1) or "\." (2).
    private bool _afterBackslash;
    private int _endMarker;
    private bool _inQuote;
    private bool _lastWasEscape;

    // Binary: bytes of a header, tuple field count or field length still being gathered, and
    // bytes to skip (a header extension, a field's value).
    private readonly byte[] _gathered = new byte[BinaryHeaderSize];
    private int _gatheredCount;
    private BinaryPart _part = BinaryPart.Header;
    private long _skip;
    private int _fieldsLeft;

    private CopyRowCounter(CopyFormat format, byte quote, byte escape, bool header)
    {
        _format = format;
        _quote = quote;
        _escape = escape;
        _header = header;
        _special = format == CopyFormat.Csv
            ? SearchValues.Create([quote, escape == 0 ? quote : escape, (byte)'\\', (byte)'\n', (byte)'\r'])
            : SearchValues.Create("\\\n\r"u8);
    }

    private enum CopyFormat
    {
        Text,
        Csv,
        Binary,
    }

    private enum BinaryPart
    {
        Header,
        TupleFieldCount,
        FieldLength,
    }

    public bool IsBinary => _format == CopyFormat.Binary;

    /// <summary>A counter for the data of <paramref name="copyStatement"/>, in the format its options name.</summary>
    public static CopyRowCounter For(string copyStatement)
    {
        ArgumentNullException.ThrowIfNull(copyStatement);
        var stdin = Stdin().Match(copyStatement);
        var options = stdin.Success ? copyStatement[(stdin.Index + stdin.Length)..] : copyStatement;
        if (LegacyBinary().IsMatch(copyStatement) || Binary().IsMatch(options))
        {
            return new CopyRowCounter(CopyFormat.Binary, 0, 0, header: false);
        }

        var header = Header().IsMatch(options);
        if (!Csv().IsMatch(options))
        {
            return new CopyRowCounter(CopyFormat.Text, 0, 0, header);
        }

        var quote = CharOption(Quote().Match(options), (byte)'"');
        var escape = CharOption(Escape().Match(options), quote);

        // As the server does: an escape character that is the quote character is no escape.
        return new CopyRowCounter(CopyFormat.Csv, quote, escape == quote ? (byte)0 : escape, header);
    }

    /// <summary>Counts the rows that end in <paramref name="data"/>; data may end anywhere.</summary>
    public void Add(ReadOnlySpan<byte> data)
    {
        switch (_format)
        {
            case CopyFormat.Binary:
                AddBinary(data);
                break;
            case CopyFormat.Csv:
                AddCsv(data);
                break;
            default:
                AddText(data);
                break;
        }
    }

    /// <summary>The rows of all the data added; a last line without a line end counts.</summary>
    public long Complete()
    {
        var lines = _lines;
        if (_format != CopyFormat.Binary && !_ended && (_lineHasData || _afterBackslash || _endMarker > 0))
        {
            lines++;
        }

        return _header && lines > 0 ? lines - 1 : lines;
    }

    private void AddText(ReadOnlySpan<byte> data)
    {
        var i = 0;
        while (i < data.Length && !_ended)
        {
            var c = data[i++];
            if (_afterCarriageReturn)
            {
                _afterCarriageReturn = false;
                if (c == '\n')
                {
                    continue;
                }
            }

            if (_afterBackslash)
            {
                // Whatever follows a backslash is data, a line end too; "\." ends the data, and
                // the line before it is the last row.
                _afterBackslash = false;
                if (c == '.')
                {
                    _ended = true;
                    if (_lineHasData)
                    {
                        _lines++;
                    }

                    return;
                }

                _lineHasData = true;
                continue;
            }

            switch (c)
            {
                case (byte)'\\':
                    _afterBackslash = true;
                    break;
                case (byte)'\n':
                case (byte)'\r':
                    EndLine(c);
                    break;
                default:
                    _lineHasData = true;
                    var run = data[i..].IndexOfAny(_special);
                    i = run < 0 ? data.Length : i + run;
                    break;
            }
        }
    }

    private void AddCsv(ReadOnlySpan<byte> data)
    {
        var i = 0;
        while (i < data.Length && !_ended)
        {
            var c = data[i++];
            if (_afterCarriageReturn)
            {
                _afterCarriageReturn = false;
                if (c == '\n')
                {
                    continue;
                }
            }

            // "\." alone on a line, outside quotes, ends the data.
            if (!_inQuote && (_endMarker > 0 || !_lineHasData))
            {
                if (c == '\\' && !_lineHasData && _endMarker == 0)
                {
                    _endMarker = 1;
                    continue;
                }

                if (c == '.' && _endMarker == 1)
                {
                    _endMarker = 2;
                    continue;
                }

                if (_endMarker == 2 && c is (byte)'\n' or (byte)'\r')
                {
                    _ended = true;
                    return;
                }

                if (_endMarker > 0)
                {
                    _endMarker = 0;
                    _lineHasData = true;
                }
            }

            if (_inQuote && c == _escape && _escape != 0)
            {
                _lastWasEscape = !_lastWasEscape;
            }

            if (c == _quote && !_lastWasEscape)
            {
                _inQuote = !_inQuote;
            }

            if (c != _escape)
            {
                _lastWasEscape = false;
            }

            if (!_inQuote && c is (byte)'\n' or (byte)'\r')
            {
                EndLine(c);
                continue;
            }

            _lineHasData = true;
            if (c != _quote && c != _escape && c != '\\' && c != '\n' && c != '\r')
            {
                var run = data[i..].IndexOfAny(_special);
                i = run < 0 ? data.Length : i + run;
            }
        }
    }

    private void EndLine(byte lineEnd)
    {
        _lines++;
        _lineHasData = false;
        _endMarker = 0;
        _afterCarriageReturn = lineEnd == '\r';
    }

    private void AddBinary(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty && !_ended)
        {
            if (_skip > 0)
            {
                var skipped = (int)Math.Min(_skip, data.Length);
                _skip -= skipped;
                data = data[skipped..];
                continue;
            }

            var wanted = _part switch
            {
                BinaryPart.Header => BinaryHeaderSize,
                BinaryPart.TupleFieldCount => 2,
                _ => 4,
            };
            var take = Math.Min(wanted - _gatheredCount, data.Length);
            data[..take].CopyTo(_gathered.AsSpan(_gatheredCount));
            _gatheredCount += take;
            data = data[take..];
            if (_gatheredCount < wanted)
            {
                return;
            }

            _gatheredCount = 0;
            switch (_part)
            {
                case BinaryPart.Header:
                    _skip = BinaryPrimitives.ReadUInt32BigEndian(_gathered.AsSpan(15));
                    _part = BinaryPart.TupleFieldCount;
                    break;
                case BinaryPart.TupleFieldCount:
                    _fieldsLeft = BinaryPrimitives.ReadInt16BigEndian(_gathered);
                    if (_fieldsLeft < 0)
                    {
                        _ended = true; // the file trailer
                        return;
                    }

                    _lines++;
                    _part = _fieldsLeft > 0 ? BinaryPart.FieldLength : BinaryPart.TupleFieldCount;
                    break;
                default:
                    _skip = Math.Max(0, BinaryPrimitives.ReadInt32BigEndian(_gathered)); // -1 is NULL
                    _part = --_fieldsLeft > 0 ? BinaryPart.FieldLength : BinaryPart.TupleFieldCount;
                    break;
            }
        }
    }

    private static byte CharOption(Match match, byte otherwise) =>
        !match.Success ? otherwise : match.Groups["char"].Value == "''" ? (byte)'\'' : (byte)match.Groups["char"].Value[0];

    [GeneratedRegex(@"\bSTDIN\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Stdin();

    [GeneratedRegex(@"^\s*COPY\s+BINARY\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LegacyBinary();

    [GeneratedRegex(@"\bBINARY\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Binary();

    [GeneratedRegex(@"\bCSV\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Csv();

    [GeneratedRegex(@"\bHEADER\b(?!\s+'?(?:false|off|0)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Header();

    [GeneratedRegex(@"\bQUOTE\s+(?:AS\s+)?'(?<char>''|[\x01-\x7f])'", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Quote();

    [GeneratedRegex(@"\bESCAPE\s+(?:AS\s+)?'(?<char>''|[\x01-\x7f])'", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Escape();
}
