using System.Globalization;

namespace GenDb.Commands;

public enum GendbValueKind
{
    String,
    Integer,
    Decimal,
    Boolean,
    Null,
    Placeholder,
}

/// <summary>
/// A literal written as an argument of a gendb call, or a placeholder (<c>$1</c>) whose value comes
/// with the Bind message. Reading the payload of another kind throws.
/// </summary>
public readonly record struct GendbValue
{
    private readonly string? _text;
    private readonly long _integer;
    private readonly decimal _decimal;

    private GendbValue(GendbValueKind kind, string? text = null, long integer = 0, decimal number = 0m)
    {
        Kind = kind;
        _text = text;
        _integer = integer;
        _decimal = number;
    }

    public static GendbValue Null { get; } = new(GendbValueKind.Null);

    public GendbValueKind Kind { get; }

    public bool IsNull => Kind == GendbValueKind.Null;

    /// <summary>The text of a <see cref="GendbValueKind.String"/>, quotes and escapes resolved.</summary>
    public string Text => Kind == GendbValueKind.String ? _text! : throw WrongKind(GendbValueKind.String);

    public long IntegerValue => Kind == GendbValueKind.Integer ? _integer : throw WrongKind(GendbValueKind.Integer);

    public decimal DecimalValue => Kind == GendbValueKind.Decimal ? _decimal : throw WrongKind(GendbValueKind.Decimal);

    public bool BooleanValue => Kind == GendbValueKind.Boolean ? _integer != 0 : throw WrongKind(GendbValueKind.Boolean);

    /// <summary>The <c>n</c> of <c>$n</c>, from 1.</summary>
    public int PlaceholderIndex => Kind == GendbValueKind.Placeholder ? (int)_integer : throw WrongKind(GendbValueKind.Placeholder);

    public static GendbValue FromString(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new(GendbValueKind.String, text);
    }

    public static GendbValue FromInteger(long value) => new(GendbValueKind.Integer, integer: value);

    public static GendbValue FromDecimal(decimal value) => new(GendbValueKind.Decimal, number: value);

    public static GendbValue FromBoolean(bool value) => new(GendbValueKind.Boolean, integer: value ? 1 : 0);

    public static GendbValue FromPlaceholder(int index)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(index, 1);
        return new(GendbValueKind.Placeholder, integer: index);
    }

    /// <summary>The value as SQL would write it: <c>'it''s'</c>, <c>42</c>, <c>1.5</c>, <c>true</c>, <c>NULL</c>, <c>$1</c>.</summary>
    public override string ToString() => Kind switch
    {
        GendbValueKind.String => SqlText.QuoteLiteral(_text!),
        GendbValueKind.Integer => _integer.ToString(CultureInfo.InvariantCulture),
        GendbValueKind.Decimal => FormatDecimal(_decimal),
        GendbValueKind.Boolean => _integer != 0 ? "true" : "false",
        GendbValueKind.Placeholder => "$" + _integer.ToString(CultureInfo.InvariantCulture),
        _ => "NULL",
    };

    /// <summary>With a decimal point always, so that the text reads back as a decimal rather than an integer.</summary>
    private static string FormatDecimal(decimal value)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) ? text : text + ".0";
    }

    private InvalidOperationException WrongKind(GendbValueKind wanted) =>
        new($"The value {this} is {Kind}, not {wanted}.");
}
