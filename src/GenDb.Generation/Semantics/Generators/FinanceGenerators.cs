using System.Collections.Frozen;
using GenDb.Generation.Randomness;
using GenDb.Generation.Semantics.Columns;
using GenDb.Generation.Semantics.Entities;
using GenDb.Generation.Values;

namespace GenDb.Generation.Semantics.Generators;

/// <summary>Check digits: Luhn (payment cards), ISO 7064 MOD 97-10 (IBAN), ISBN-13.</summary>
internal static class CheckDigits
{
    /// <summary>The Luhn digit that completes <paramref name="digits"/> (ASCII digits).</summary>
    public static int Luhn(ReadOnlySpan<byte> digits)
    {
        var sum = 0;
        var doubled = true;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubled)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubled = !doubled;
        }

        return (10 - (sum % 10)) % 10;
    }

    /// <summary>The two IBAN check digits for a country and its BBAN (digits and capital letters).</summary>
    public static int Iban(string country, ReadOnlySpan<byte> bban)
    {
        var remainder = 0;
        foreach (var c in bban)
        {
            remainder = Mod97(remainder, c);
        }

        foreach (var c in country)
        {
            remainder = Mod97(remainder, (byte)c);
        }

        remainder = Mod97(Mod97(remainder, (byte)'0'), (byte)'0');
        return 98 - remainder;
    }

    public static int Isbn13(ReadOnlySpan<byte> twelveDigits)
    {
        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            sum += (twelveDigits[i] - '0') * (i % 2 == 0 ? 1 : 3);
        }

        return (10 - (sum % 10)) % 10;
    }

    private static int Mod97(int remainder, byte c) => c is >= (byte)'A' and <= (byte)'Z'
        ? ((remainder * 100) + (c - 'A' + 10)) % 97
        : ((remainder * 10) + (c - '0')) % 97;
}

/// <summary>
/// IBANs with valid check digits in the format of the row's country (its length, and where its
/// BBAN has letters), German where the row has no place, its country has no IBAN (the US,
/// Canada, Australia) or its IBANs would not fit the column. Unique ones take their account number from a bijection of the row.
/// </summary>
/// <param name="minChars">With <paramref name="maxChars"/>, the lengths the column allows (its type, length CHECKs): a country whose IBANs fall outside gets the German format (22 characters).</param>
internal sealed class IbanGenerator(PlaceSource? places, ulong key, bool unique, int minChars, int maxChars) : ConceptGenerator(unique)
{
    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const string Fallback = "DE";

    /// <summary>
    /// BBAN layouts from the SWIFT IBAN registry: <c>n</c> a digit, <c>a</c> a capital, <c>c</c>
    /// either, <c>b</c> a digit 1–8 (German bank codes never start with 0 or 9). Alphanumeric
    /// account parts (France, Italy) are written as digits, which they allow.
    /// </summary>
    private static readonly FrozenDictionary<string, byte[]> Formats = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["DE"] = "1b17n",
        ["GB"] = "4a14n",
        ["IE"] = "4a14n",
        ["NL"] = "4a10n",
        ["FR"] = "23n",
        ["ES"] = "20n",
        ["IT"] = "1a22n",
        ["BR"] = "23n1a1c",
        ["AT"] = "16n",
        ["BE"] = "12n",
        ["CH"] = "17n",
        ["PL"] = "24n",
        ["PT"] = "21n",
        ["SE"] = "20n",
        ["NO"] = "11n",
        ["DK"] = "14n",
        ["FI"] = "14n",
        ["LU"] = "16n",
        ["CZ"] = "20n",
    }.ToFrozenDictionary(f => f.Key, f => Expand(f.Value), StringComparer.Ordinal);

    private readonly IndexPermutation _accounts = new(10_000_000_000UL, key);

    public override void Write(long row, ref Rng rng, ValueBuilder output)
    {
        var country = places is null ? Fallback : Place.Of(places, row).Country.Iso2;
        if (!Formats.TryGetValue(country, out var format) || format.Length + 4 > maxChars || format.Length + 4 < minChars)
        {
            country = Fallback;
            format = Formats[Fallback];
        }

        Span<byte> bban = stackalloc byte[format.Length];
        for (var i = 0; i < format.Length; i++)
        {
            bban[i] = format[i] switch
            {
                (byte)'a' => (byte)Letters[(int)rng.NextBelow(26)],
                (byte)'c' => (byte)Alphanumerics[(int)rng.NextBelow(36)],
                (byte)'b' => (byte)('1' + rng.NextBelow(8)),
                _ => (byte)('0' + rng.NextBelow(10)),
            };
        }

        if (IsUnique)
        {
            // The account number: the last ten digits, distinct for distinct rows whatever the country.
            var end = format.AsSpan().LastIndexOf((byte)'n') + 1;
            WriteDigits(bban[(end - 10)..end], _accounts.Apply((ulong)row));
        }

        output.Append(country);
        Literal.TwoDigits(output, CheckDigits.Iban(country, bban));
        output.Append(bban);
    }

    /// <summary><c>4a14n</c> → <c>aaaannnnnnnnnnnnnn</c>.</summary>
    private static byte[] Expand(string layout)
    {
        var expanded = new List<byte>();
        var count = 0;
        foreach (var c in layout)
        {
            if (char.IsAsciiDigit(c))
            {
                count = (count * 10) + (c - '0');
                continue;
            }

            expanded.AddRange(Enumerable.Repeat((byte)c, count));
            count = 0;
        }

        return [.. expanded];
    }

    public static void RandomDigits(Span<byte> target, ref Rng rng)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] = (byte)('0' + rng.NextBelow(10));
        }
    }

    public static void WriteDigits(Span<byte> target, ulong value)
    {
        for (var i = target.Length - 1; i >= 0; i--)
        {
            target[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }
}

/// <summary>BIC/SWIFT codes: bank, country (the row's place), location, and a branch where the column has room.</summary>
internal sealed class BicGenerator(PlaceSource? places, bool branch) : ConceptGenerator(unique: false)
{
    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public override void Write(long row, ref Rng rng, ValueBuilder output)
    {
        for (var i = 0; i < 4; i++)
        {
            output.Append((byte)Letters[(int)rng.NextBelow(26)]);
        }

        output.Append(places is null ? "DE" : Place.Of(places, row).Country.Iso2);
        output.Append((byte)Alphanumerics[(int)rng.NextBelow(36)]).Append((byte)Alphanumerics[(int)rng.NextBelow(36)]);
        if (branch)
        {
            output.Append(rng.NextBelow(2) == 0 ? "XXX"u8 : "100"u8);
        }
    }
}

/// <summary>
/// Luhn-valid card numbers: Visa (16 digits), Mastercard (51–55, 16 digits) or American Express
/// (34/37, 15 digits). Unique ones are Visa numbers whose account part is a bijection of the row.
/// </summary>
internal sealed class CardNumberGenerator(ulong key, bool unique) : ConceptGenerator(unique)
{
    private readonly IndexPermutation _accounts = new(1_000_000_000UL, key);
    private readonly long _issuer = 400_000 + (long)(RowSeed.Mix(key) % 100_000);

    public override void Write(long row, ref Rng rng, ValueBuilder output)
    {
        Span<byte> digits = stackalloc byte[16];
        int length;
        if (IsUnique)
        {
            IbanGenerator.WriteDigits(digits[..6], (ulong)_issuer);
            IbanGenerator.WriteDigits(digits[6..15], _accounts.Apply((ulong)row));
            length = 16;
        }
        else
        {
            var brand = rng.NextBelow(10);
            if (brand < 6)
            {
                digits[0] = (byte)'4';
                IbanGenerator.RandomDigits(digits[1..15], ref rng);
                length = 16;
            }
            else if (brand < 9)
            {
                digits[0] = (byte)'5';
                digits[1] = (byte)('1' + rng.NextBelow(5));
                IbanGenerator.RandomDigits(digits[2..15], ref rng);
                length = 16;
            }
            else
            {
                digits[0] = (byte)'3';
                digits[1] = rng.NextBelow(2) == 0 ? (byte)'4' : (byte)'7';
                IbanGenerator.RandomDigits(digits[2..14], ref rng);
                length = 15;
            }
        }

        digits[length - 1] = (byte)('0' + CheckDigits.Luhn(digits[..(length - 1)]));
        output.Append(digits[..length]);
    }
}

/// <summary>Card expiry from the row's timeline: <c>MM/YY</c> as text, the month's first day as a date.</summary>
internal sealed class CardExpiryGenerator(TimelineSource timeline, ValueKind kind) : ConceptGenerator(unique: false)
{
    public override void Write(long row, ref Rng rng, ValueBuilder output)
    {
        var expires = DateTime.UnixEpoch.AddSeconds(Timeline.Of(timeline, row)[TimePoint.Expires]);
        if (kind == ValueKind.Text)
        {
            Literal.TwoDigits(output, expires.Month);
            output.Append((byte)'/');
            Literal.TwoDigits(output, expires.Year % 100);
            return;
        }

        var first = new DateTime(expires.Year, expires.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        Literal.Instant(output, (long)(first - DateTime.UnixEpoch).TotalSeconds, kind);
    }
}

/// <summary>ISBN-13s (978 prefix, valid check digit); unique ones take their nine free digits from a bijection of the row.</summary>
internal sealed class IsbnGenerator(ulong key, bool unique) : ConceptGenerator(unique)
{
    private readonly IndexPermutation _titles = new(1_000_000_000UL, key);

    public override void Write(long row, ref Rng rng, ValueBuilder output)
    {
        Span<byte> digits = stackalloc byte[13];
        "978"u8.CopyTo(digits);
        if (IsUnique)
        {
            IbanGenerator.WriteDigits(digits[3..12], _titles.Apply((ulong)row));
        }
        else
        {
            IbanGenerator.RandomDigits(digits[3..12], ref rng);
        }

        digits[12] = (byte)('0' + CheckDigits.Isbn13(digits));
        output.Append(digits);
    }
}

/// <summary>Stock keeping units: <c>KTR-48213</c>; unique ones number with a bijection of the row.</summary>
internal sealed class SkuGenerator(ulong key, bool unique) : ConceptGenerator(unique)
{
    private const string Letters = "ABCDEFGHJKLMNPRSTUVWXYZ";
    private readonly IndexPermutation _numbers = new(100_000_000UL, key);

    public override void Write(long row, ref Rng rng, ValueBuilder output)
    {
        for (var i = 0; i < 3; i++)
        {
            output.Append((byte)Letters[(int)rng.NextBelow((ulong)Letters.Length)]);
        }

        output.Append((byte)'-');
        if (IsUnique)
        {
            if ((ulong)row >= _numbers.Size)
            {
                throw Exhausted(row, "SKU");
            }

            Literal.Padded(output, (long)_numbers.Apply((ulong)row), 8);
        }
        else
        {
            Literal.Digits(output, ref rng, 5);
        }
    }

    public static GenerationException Exhausted(long row, string what) =>
        new("22003", $"cannot generate a unique {what} for row {row + 1}: the format holds no more distinct values", "Generate fewer rows, or give the column a generator in gendb.yaml.");
}

/// <summary>US social security numbers in a valid area (not 000, 666 or 900–999).</summary>
internal sealed class SsnGenerator(bool dashes) : ConceptGenerator(unique: false)
{
    public override void Write(long row, ref Rng rng, ValueBuilder output)
    {
        long area;
        do
        {
            area = 1 + (long)rng.NextBelow(899);
        }
        while (area == 666);

        Literal.Padded(output, area, 3);
        if (dashes)
        {
            output.Append((byte)'-');
        }

        Literal.Padded(output, 1 + (long)rng.NextBelow(99), 2);
        if (dashes)
        {
            output.Append((byte)'-');
        }

        Literal.Padded(output, 1 + (long)rng.NextBelow(9_999), 4);
    }
}

/// <summary>Reference numbers: <c>INV-2023-004817</c>, the year from the row's timeline; unique ones number the row.</summary>
internal sealed class ReferenceNumberGenerator(string prefix, TimelineSource timeline, bool unique, int maxChars) : ConceptGenerator(unique)
{
    public override void Write(long row, ref Rng rng, ValueBuilder output)
    {
        var year = DateTime.UnixEpoch.AddSeconds(Timeline.Of(timeline, row)[TimePoint.Created]).Year;
        var withYear = maxChars >= prefix.Length + 13;
        output.Append(prefix).Append((byte)'-');
        if (withYear)
        {
            output.Append(year).Append((byte)'-');
        }

        if (IsUnique)
        {
            var number = row + 1;
            Literal.Padded(output, number, Math.Max(6, Literal.DigitCount(number)));
        }
        else
        {
            Literal.Digits(output, ref rng, 6);
        }
    }
}

/// <summary>
/// Codes of capitals and digits without look-alikes (<c>K7Q2XM</c>): vouchers, promotions.
/// Unique ones write a bijection of the row in base 31.
/// </summary>
internal sealed class CodeGenerator(ulong key, int length, bool unique) : ConceptGenerator(unique)
{
    private const string Symbols = "ABCDEFGHJKLMNPQRSTUVWXYZ2345679";
    private readonly IndexPermutation _codes = new(Capacity(length), key);

    public override void Write(long row, ref Rng rng, ValueBuilder output)
    {
        var value = IsUnique ? ((ulong)row < _codes.Size ? _codes.Apply((ulong)row) : throw SkuGenerator.Exhausted(row, "code")) : rng.NextUInt64();
        for (var i = 0; i < length; i++)
        {
            output.Append((byte)Symbols[(int)(value % (ulong)Symbols.Length)]);
            value /= (ulong)Symbols.Length;
        }
    }

    private static ulong Capacity(int length)
    {
        ulong capacity = 1;
        for (var i = 0; i < length && capacity < ulong.MaxValue / 31; i++)
        {
            capacity *= 31;
        }

        return capacity;
    }
}

/// <summary>Semantic versions, mostly young ones: <c>1.4.2</c>.</summary>
internal sealed class VersionGenerator() : ConceptGenerator(unique: false)
{
    public override void Write(long row, ref Rng rng, ValueBuilder output) =>
        output.Append((long)Math.Min(rng.NextBelow(6), rng.NextBelow(6))).Append((byte)'.')
            .Append((long)rng.NextBelow(20)).Append((byte)'.').Append((long)rng.NextBelow(30));
}
