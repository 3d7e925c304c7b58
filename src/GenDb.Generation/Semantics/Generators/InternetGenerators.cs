using GenDb.Generation.Randomness;
using GenDb.Generation.Semantics.Data;
using GenDb.Generation.Semantics.Entities;
using GenDb.Generation.Values;

namespace GenDb.Generation.Semantics.Generators;

/// <summary>The organisations of a table's rows: a Bogus company name and a domain made from it.</summary>
internal sealed class CompanySource(LocaleData data, ulong key)
{
    private static readonly HashSet<string> LegalWords = new(StringComparer.Ordinal)
    {
        "inc", "llc", "ltd", "group", "and", "sons", "gmbh", "ag", "kg", "co", "corp", "sa", "sarl", "sas", "srl", "spa", "nv", "bv",
        "plc", "ohg", "ug", "mbh", "et", "fils", "cie", "y", "e", "ltda", "me", "eireli", "s", "a", "the", "of", "und", "en", "zoon",
    };

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<byte[][]>> Domains = new(StringComparer.Ordinal);

    private readonly byte[][] _domains = Domains.GetOrAdd(data.Locale, _ => new Lazy<byte[][]>(() => BuildDomains(data))).Value;

    public WordList Names { get; } = data.Companies;

    public ulong Key { get; } = key;

    public int Of(long row) => (int)RowSeed.For(Key, row).NextBelow((ulong)Names.Count);

    public ReadOnlySpan<byte> Domain(int company) => _domains[company];

    private static byte[][] BuildDomains(LocaleData data)
    {
        var names = data.Companies;
        var domains = new byte[names.Count][];
        for (var i = 0; i < names.Count; i++)
        {
            domains[i] = System.Text.Encoding.ASCII.GetBytes(DomainOf(names.Text(i), data.Locale, i));
        }

        return domains;
    }

    private static string DomainOf(string name, string locale, int index)
    {
        var words = System.Text.Encoding.ASCII.GetString(WordList.FoldWords(name, locale))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !LegalWords.Contains(w))
            .Take(2)
            .ToList();
        var stem = words.Count == 0 ? "company" : string.Join('-', words);
        string[] suffixes = ["com", "com", "com", "net", "io", "co", "org"];
        return stem + "." + suffixes[index % suffixes.Length];
    }
}

internal enum CompanyPart
{
    Name,
    Domain,
    Website,
    Email,
}

/// <summary>The row's organisation: its name, its domain, its website, its contact address.</summary>
internal sealed class CompanyGenerator(CompanySource source, CompanyPart part) : ConceptGenerator(unique: false)
{
    public override void Write(long row, ref Rng rng, ValueBuilder output)
    {
        var company = source.Of(row);
        switch (part)
        {
            case CompanyPart.Name:
                output.Append(source.Names[company]);
                break;
            case CompanyPart.Domain:
                output.Append(source.Domain(company));
                break;
            case CompanyPart.Website:
                output.Append("https://www."u8).Append(source.Domain(company));
                break;
            default:
                output.Append(rng.NextBelow(3) switch { 0 => "info@"u8, 1 => "contact@"u8, _ => "hello@"u8 }).Append(source.Domain(company));
                break;
        }
    }
}

/// <summary>
/// Links under the row's organisation's domain: its home page (<paramref name="variant"/>
/// <c>home</c>), an image (<c>image</c>) or a page; unique ones carry the row number.
/// </summary>
internal sealed class UrlGenerator(CompanySource source, string? variant, bool unique) : ConceptGenerator(unique)
{
    public override void Write(long row, ref Rng rng, ValueBuilder output)
    {
        var domain = source.Domain(source.Of(row));
        if (variant == "image")
        {
            output.Append("https://cdn."u8).Append(domain).Append("/images/"u8).Append(Lexicon.FileStems.PickUtf8(ref rng)).Append((byte)'-');
            output.Append(IsUnique ? row + 1 : (long)rng.NextBelow(10_000)).Append(".jpg"u8);
            return;
        }

        output.Append("https://www."u8).Append(domain);
        if (!IsUnique && (variant == "home" || rng.NextBelow(3) == 0))
        {
            return;
        }

        output.Append((byte)'/').Append(Lexicon.Tags.PickUtf8(ref rng)).Append((byte)'/');
        var noun = Lexicon.TitleNouns;
        output.Append(noun.Folded(noun.Pick(ref rng)));
        if (IsUnique)
        {
            output.Append((byte)'-').Append(row + 1);
        }
    }
}

/// <summary>Server names: <c>db-07.prod.acme.com</c>; unique ones number the row.</summary>
internal sealed class HostnameGenerator(CompanySource source, bool unique) : ConceptGenerator(unique)
{
    public override void Write(long row, ref Rng rng, ValueBuilder output)
    {
        output.Append(Lexicon.HostRoles.PickUtf8(ref rng)).Append((byte)'-');
        if (IsUnique)
        {
            output.Append(row + 1);
        }
        else
        {
            Literal.TwoDigits(output, 1 + (long)rng.NextBelow(40));
        }

        output.Append((byte)'.').Append(Lexicon.HostEnvironments.PickUtf8(ref rng)).Append((byte)'.').Append(source.Domain(source.Of(row)));
    }
}

/// <summary>Public-looking IPv4 addresses (no private, loopback or multicast ranges).</summary>
internal sealed class IpAddressGenerator() : ConceptGenerator(unique: false)
{
    public override void Write(long row, ref Rng rng, ValueBuilder output)
    {
        long first;
        do
        {
            first = 1 + (long)rng.NextBelow(223);
        }
        while (first is 10 or 127 or 169 or 172 or 192 or 100);

        output.Append(first).Append((byte)'.').Append((long)rng.NextBelow(256)).Append((byte)'.')
            .Append((long)rng.NextBelow(256)).Append((byte)'.').Append(1 + (long)rng.NextBelow(254));
    }
}

/// <summary>Unicast, globally administered MAC addresses: <c>3c:22:fb:0a:91:7e</c>.</summary>
internal sealed class MacAddressGenerator() : ConceptGenerator(unique: false)
{
    private const string HexDigits = "0123456789abcdef";

    public override void Write(long row, ref Rng rng, ValueBuilder output)
    {
        var bits = rng.NextUInt64();
        for (var i = 0; i < 6; i++)
        {
            var octet = (int)((bits >> (i * 8)) & 0xFF);
            if (i == 0)
            {
                octet &= 0xFC;
            }

            if (i > 0)
            {
                output.Append((byte)':');
            }

            output.Append((byte)HexDigits[octet >> 4]).Append((byte)HexDigits[octet & 0xF]);
        }
    }
}

/// <summary>
/// Version 4 UUIDs as text. Unique ones carry a bijection of the row in 60 of their random bits,
/// so distinct rows (below 2^60) differ by construction.
/// </summary>
internal sealed class UuidTextGenerator(ulong key, bool unique) : ConceptGenerator(unique)
{
    private const string HexDigits = "0123456789abcdef";
    private readonly IndexPermutation _permutation = new(1UL << 60, key);

    public override void Write(long row, ref Rng rng, ValueBuilder output)
    {
        ulong high;
        if (IsUnique)
        {
            var bits = _permutation.Apply((ulong)row);
            high = ((bits >> 12) << 16) | (bits & 0xFFF);
        }
        else
        {
            high = rng.NextUInt64();
        }

        var low = rng.NextUInt64();
        high = (high & 0xFFFF_FFFF_FFFF_0FFFUL) | 0x4000UL;
        low = (low & 0x3FFF_FFFF_FFFF_FFFFUL) | 0x8000_0000_0000_0000UL;
        Hex(output, high >> 32, 8);
        output.Append((byte)'-');
        Hex(output, (high >> 16) & 0xFFFF, 4);
        output.Append((byte)'-');
        Hex(output, high & 0xFFFF, 4);
        output.Append((byte)'-');
        Hex(output, low >> 48, 4);
        output.Append((byte)'-');
        Hex(output, low & 0xFFFF_FFFF_FFFFUL, 12);
    }

    public static void Hex(ValueBuilder output, ulong value, int digits)
    {
        for (var shift = (digits - 1) * 4; shift >= 0; shift -= 4)
        {
            output.Append((byte)HexDigits[(int)((value >> shift) & 0xF)]);
        }
    }
}

/// <summary>Hex tokens, hashes and keys of a fixed length; unique ones begin with a bijection of the row.</summary>
internal sealed class TokenGenerator(ulong key, int length, bool unique) : ConceptGenerator(unique)
{
    public const int MinimumUniqueLength = 16;

    public override void Write(long row, ref Rng rng, ValueBuilder output)
    {
        var written = 0;
        if (IsUnique)
        {
            // The SplitMix64 finalizer is a bijection of 64-bit values.
            UuidTextGenerator.Hex(output, RowSeed.Mix(key ^ (ulong)row), 16);
            written = 16;
        }

        for (; written < length; written += 16)
        {
            UuidTextGenerator.Hex(output, rng.NextUInt64(), Math.Min(16, length - written));
        }
    }
}

/// <summary>
/// Password hashes in bcrypt's modular crypt form (<c>$2b$10$</c>, 22 characters of salt, 31 of
/// hash: 60 in all), or hex digests where the column is shorter.
/// </summary>
internal sealed class PasswordHashGenerator(ulong key, int? maxChars, bool unique) : ConceptGenerator(unique)
{
    public const int BcryptLength = 60;
    private const string Alphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public override void Write(long row, ref Rng rng, ValueBuilder output)
    {
        if (maxChars is < BcryptLength)
        {
            // SHA-1 (40) or SHA-256 (64) hex, as short as the column needs.
            var length = maxChars.Value >= 64 ? 64 : maxChars.Value >= 40 ? 40 : maxChars.Value;
            new TokenGenerator(key, length, IsUnique).Write(row, ref rng, output);
            return;
        }

        output.Append("$2b$10$"u8);
        var salt = IsUnique ? RowSeed.Mix(key ^ (ulong)row) : rng.NextUInt64();

        // 64 bits of salt in the first 11 characters (6 bits each, the last one holding 4).
        for (var i = 0; i < 11; i++)
        {
            output.Append((byte)Alphabet[(int)((salt >> (i * 6)) & 0x3F)]);
        }

        for (var i = 11; i < 53; i++)
        {
            output.Append((byte)Alphabet[(int)rng.NextBelow(64)]);
        }
    }
}
