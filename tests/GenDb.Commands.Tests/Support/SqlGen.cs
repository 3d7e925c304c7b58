using System.Text;
using CsCheck;

namespace GenDb.Commands.Tests.Support;

/// <summary>Generators of text that stresses SQL quoting and the detector.</summary>
internal static class SqlGen
{
    /// <summary>
    /// One character of a string value, with the characters that quoting rules care about ('\\', '$',
    /// 'q', '"', newlines) far more often than chance would give them, plus Latin, CJK and emoji.
    /// Never NUL (a C string cannot hold it) and never a lone surrogate (UTF-8 cannot).
    /// </summary>
    private static readonly Gen<string> ValueCharacter = Gen.Frequency<string>(
        (6, Gen.OneOf("'", "''", "\\", "$", "$$", "q", "$q", "q$", "\"", "\n", "\r", " ", "--", "/*", "*/", "E'", ")", ";")),
        (6, Gen.Char['\u0001', '\u007F'].Select(c => c.ToString())),
        (2, Gen.Char['\u00A0', '\u04FF'].Select(c => c.ToString())),
        (1, Gen.Char['\u4E00', '\u9FFF'].Select(c => c.ToString())),
        (1, Gen.Int[0x1F300, 0x1FAFF].Select(char.ConvertFromUtf32)));

    public static readonly Gen<string> Value = ValueCharacter.Array[0, 20].Select(string.Concat);

    /// <summary>Pieces of statements around CALL gendb., concatenated in random order.</summary>
    private static readonly Gen<string> Fragment = Gen.OneOf(
        "CALL", "call", "CaLl", " ", "  ", "\t", "\n", "\r", "\f", "\v", "\u00A0", "\uFEFF",
        "gendb", "GenDB", "\"gendb\"", "\"GENDB\"", "\"", ".", " . ", "x", "gendbx", "_", "$", "0",
        "/*", "*/", "/**/", "--", "-- c\n", "/* a /* b */ c */", "-", "/", "*", "'", "E'", "$$", "$q$",
        "(", ")", ",", "=>", ":=", ";", "1", "1.5", "e", "true", "NULL", "$1", "\\", "😀", "é");

    public static readonly Gen<string> StatementSoup = Fragment.Array[0, 16].Select(string.Concat);

    /// <summary>Statement soups that start with the beginning of a gendb call more often than chance would.</summary>
    public static readonly Gen<string> CallLikeSoup = Gen.Frequency<string>(
        (1, StatementSoup),
        (3, Gen.Select(Gen.OneOf("CALL gendb", "call/**/\"gendb\"", "CALL gendb.", "CALL gendb.help(", "/* c */CALL gendb"), StatementSoup, string.Concat)));

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
