namespace GenDb.Commands;

internal enum GendbTokenKind
{
    End,
    Identifier,
    QuotedIdentifier,
    String,
    Integer,
    Decimal,
    Placeholder,
    LeftParen,
    RightParen,
    Comma,
    Dot,
    Semicolon,
    Arrow,
    ColonEquals,
    Operator,
    Other,
}

/// <summary>One token of a gendb call.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Start">UTF-16 index of its first character in the statement.</param>
/// <param name="End">UTF-16 index just after it.</param>
/// <param name="Value">
/// Identifiers: the name (lower-cased when unquoted). Strings: the text, quotes and escapes resolved.
/// Numbers: the digits as written. Placeholders: the number. Others: the source text.
/// </param>
internal readonly record struct GendbToken(GendbTokenKind Kind, int Start, int End, string Value)
{
    /// <summary>An unquoted identifier spelled <paramref name="lowerCaseWord"/> in any case (a keyword).</summary>
    public bool IsWord(string lowerCaseWord) => Kind == GendbTokenKind.Identifier && Value == lowerCaseWord;
}
