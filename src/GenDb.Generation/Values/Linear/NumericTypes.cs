using System.Globalization;
using System.Text;

namespace GenDb.Generation.Values.Linear;

/// <summary>int2, int4, int8, oid: the step is the value.</summary>
internal sealed class IntegerType(string typeSql, long min, long max)
    : LinearType(typeSql, min, max, anchor: 1, windowLow: 1, windowHigh: 1000)
{
    public static IntegerType Int2(string typeSql) => new(typeSql, short.MinValue, short.MaxValue);

    public static IntegerType Int4(string typeSql) => new(typeSql, int.MinValue, int.MaxValue);

    public static IntegerType Int8(string typeSql) => new(typeSql, long.MinValue, long.MaxValue);

    public static IntegerType Oid(string typeSql) => new(typeSql, 0, uint.MaxValue);

    public override bool TryParse(string literal, out decimal steps) => NumberLiteral.TryParse(literal, out steps);

    public override void Write(long k, ValueBuilder output) => output.Append(k);
}

/// <summary>
/// numeric, money, real and double precision as decimals with a fixed number of digits after the
/// point: the step is 10^-scale. A negative scale steps by powers of ten (numeric(5,-2)).
/// </summary>
internal sealed class ScaledDecimalType : LinearType
{
    private readonly int _scale;
    private readonly int? _typmodPrecision;
    private readonly int? _typmodScale;
    private readonly bool _currency;
    private readonly long _margin;

    private ScaledDecimalType(string typeSql, int scale, long maxSteps, decimal windowHigh, int? typmodPrecision, int? typmodScale, bool currency, long margin)
        : base(
            typeSql,
            -maxSteps,
            maxSteps,
            anchor: Steps(1m, scale),
            windowLow: 0,
            windowHigh: Steps(windowHigh, scale))
    {
        _scale = scale;
        _typmodPrecision = typmodPrecision;
        _typmodScale = typmodScale;
        _currency = currency;
        _margin = margin;
    }

    public int Scale => _scale;

    public override long BoundMargin => _margin;

    /// <summary>
    /// numeric(p,s) at <paramref name="scale"/> digits (at most s): the largest value has p-s
    /// integer digits, so the largest step count is 10^(p-s+scale) - 1.
    /// </summary>
    public static ScaledDecimalType Numeric(string typeSql, int? precision, int? typmodScale, int scale)
    {
        var digits = precision is { } p ? p - (typmodScale ?? 0) + scale : 18;
        var maxSteps = digits <= 0 ? 0 : NumberLiteral.Pow10Long(Math.Min(digits, 18)) - 1;
        return new ScaledDecimalType(typeSql, scale, maxSteps, 1000m, precision, precision is null ? null : typmodScale ?? 0, currency: false, margin: 0);
    }

    /// <summary>money: cents of a 64-bit integer, written as a plain number (no currency symbol).</summary>
    public static ScaledDecimalType Money(string typeSql) =>
        new(typeSql, 2, long.MaxValue, 1000m, null, null, currency: true, margin: 0);

    /// <summary>
    /// real / double precision: at most 6 / 15 significant digits (FLT_DIG, DBL_DIG), so distinct
    /// decimals read back as distinct floats; a real keeps a step clear of each bound because it
    /// rounds what it reads.
    /// </summary>
    public static ScaledDecimalType Float(string typeSql, bool single, int scale) =>
        new(typeSql, scale, NumberLiteral.Pow10Long(single ? 6 : 15) - 1, 1000m, null, null, currency: false, margin: single ? 1 : 0);

    public override bool TryParse(string literal, out decimal steps)
    {
        scoped var text = literal.AsSpan();
        Span<char> cleaned = stackalloc char[Math.Min(text.Length, 128)];
        if (_currency && text.Length <= cleaned.Length)
        {
            // money constants print as $1,234.50 in the server's lc_monetary.
            var n = 0;
            foreach (var c in text)
            {
                if (c is not ('$' or ',' or ' '))
                {
                    cleaned[n++] = c;
                }
            }

            text = cleaned[..n];
        }

        if (!NumberLiteral.TryParse(text, out var value))
        {
            steps = 0;
            return false;
        }

        steps = Saturate(NumberLiteral.ScaleBy(value, _scale));
        return true;
    }

    public override bool Fits(string literal)
    {
        if (_typmodPrecision is not { } precision || !NumberLiteral.TryParse(literal, out var value))
        {
            return true;
        }

        var scale = _typmodScale ?? 0;
        var decimals = NumberLiteral.Scale(value);
        return decimals <= Math.Max(scale, 0)
            && Math.Abs(value) < NumberLiteral.ScaleBy(1m, precision - scale);
    }

    public override void Write(long k, ValueBuilder output)
    {
        // |k| digits, then the point placed scale digits from the right (padding with zeros).
        Span<byte> digits = stackalloc byte[20];
        var magnitude = k < 0 ? (ulong)(-(k + 1)) + 1 : (ulong)k;
        magnitude.TryFormat(digits, out var length, default, CultureInfo.InvariantCulture);
        var span = output.GetSpan(length + Math.Abs(_scale) + 3);
        var at = 0;
        if (k < 0)
        {
            span[at++] = (byte)'-';
        }

        if (_scale <= 0)
        {
            digits[..length].CopyTo(span[at..]);
            at += length;
            if (k != 0)
            {
                span.Slice(at, -_scale).Fill((byte)'0');
                at -= _scale;
            }

            output.Advance(at);
            return;
        }

        var integerDigits = length - _scale;
        if (integerDigits <= 0)
        {
            span[at++] = (byte)'0';
            span[at++] = (byte)'.';
            span.Slice(at, -integerDigits).Fill((byte)'0');
            at -= integerDigits;
            digits[..length].CopyTo(span[at..]);
            at += length;
        }
        else
        {
            digits[..integerDigits].CopyTo(span[at..]);
            at += integerDigits;
            span[at++] = (byte)'.';
            digits[integerDigits..length].CopyTo(span[at..]);
            at += _scale;
        }

        output.Advance(at);
    }

    private static long Steps(decimal value, int scale) => (long)Saturate(NumberLiteral.ScaleBy(value, scale));
}

/// <summary>boolean: 0 is false, 1 is true.</summary>
internal sealed class BoolType(string typeSql) : LinearType(typeSql, 0, 1, anchor: 0, windowLow: 0, windowHigh: 1)
{
    public override bool CanBeUnique => false;

    public override bool TryParse(string literal, out decimal steps)
    {
        steps = literal.Trim().ToUpperInvariant() switch
        {
            "T" or "TRUE" or "Y" or "YES" or "ON" or "1" => 1,
            "F" or "FALSE" or "N" or "NO" or "OFF" or "0" => 0,
            _ => -1,
        };
        return steps >= 0;
    }

    public override void Write(long k, ValueBuilder output) => output.Append(k == 0 ? (byte)'f' : (byte)'t');
}

/// <summary>An enum: the step is the label's position in enumsortorder, so bounds compare as PostgreSQL does.</summary>
internal sealed class LabelType : LinearType
{
    private readonly string[] _labels;
    private readonly byte[][] _utf8;

    public LabelType(string typeSql, IReadOnlyList<string> labels)
        : base(typeSql, 0, labels.Count - 1, anchor: 0, windowLow: 0, windowHigh: labels.Count - 1)
    {
        _labels = [.. labels];
        _utf8 = [.. labels.Select(Encoding.UTF8.GetBytes)];
    }

    public override bool CanBeUnique => false;

    public override bool TryParse(string literal, out decimal steps)
    {
        var index = Array.IndexOf(_labels, literal);
        steps = index;
        return index >= 0;
    }

    public override bool Fits(string literal) => Array.IndexOf(_labels, literal) >= 0;

    public override void Write(long k, ValueBuilder output) => output.Append(_utf8[k]);
}

/// <summary>"char": one byte; printable ASCII without the space.</summary>
internal sealed class SingleCharType(string typeSql) : LinearType(typeSql, '!', '~', anchor: 'a', windowLow: 'a', windowHigh: 'z')
{
    public override bool TryParse(string literal, out decimal steps)
    {
        steps = literal.Length == 1 ? literal[0] : 0;
        return literal.Length == 1;
    }

    public override void Write(long k, ValueBuilder output) => output.Append((byte)k);
}

/// <summary>pg_lsn: a 64-bit WAL position written as two hexadecimal halves, <c>16/B374D848</c>.</summary>
internal sealed class LsnType(string typeSql) : LinearType(typeSql, 0, long.MaxValue, anchor: 0x1_0000_0000, windowLow: 0x1_0000_0000, windowHigh: 0x40_0000_0000)
{
    public override bool TryParse(string literal, out decimal steps)
    {
        steps = 0;
        var slash = literal.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0
            || !uint.TryParse(literal.AsSpan(0, slash), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var high)
            || !uint.TryParse(literal.AsSpan(slash + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var low))
        {
            return false;
        }

        steps = ((ulong)high << 32) | low;
        return true;
    }

    public override void Write(long k, ValueBuilder output)
    {
        output.AppendFormatted((uint)((ulong)k >> 32), "X");
        output.Append((byte)'/');
        output.AppendFormatted((uint)k, "X");
    }
}
