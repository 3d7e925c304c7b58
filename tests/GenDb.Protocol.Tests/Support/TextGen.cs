using CsCheck;

namespace GenDb.Protocol.Tests.Support;

/// <summary>Generators of text that the protocol can carry.</summary>
internal static class TextGen
{
    /// <summary>
    /// Text without NUL (a C string cannot hold one) and without lone surrogates (UTF-8 cannot), mostly
    /// ASCII with Latin, Greek, Cyrillic, CJK and astral-plane characters (emoji) mixed in.
    /// </summary>
    public static readonly Gen<string> CString = Gen.Frequency<string>(
            (6, Gen.Char['\u0001', '\u007F'].Select(c => c.ToString())),
            (2, Gen.Char['\u00A0', '\u04FF'].Select(c => c.ToString())),
            (1, Gen.Char['\u4E00', '\u9FFF'].Select(c => c.ToString())),
            (1, Gen.Int[0x1F300, 0x1FAFF].Select(char.ConvertFromUtf32)))
        .Array[0, 24]
        .Select(string.Concat);

    /// <summary>As <see cref="CString"/> but never empty.</summary>
    public static readonly Gen<string> NonEmptyCString = CString.Where(s => s.Length > 0);
}
