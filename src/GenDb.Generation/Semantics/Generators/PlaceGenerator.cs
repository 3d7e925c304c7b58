using GenDb.Generation.Randomness;
using GenDb.Generation.Semantics.Data;
using GenDb.Generation.Semantics.Entities;
using GenDb.Generation.Values;

namespace GenDb.Generation.Semantics.Generators;

internal enum PlacePart
{
    Street,
    Secondary,
    City,
    Region,
    RegionCode,
    PostalCode,
    Country,
    CountryIso2,
    CountryIso3,
    TimeZone,
    Phone,

    /// <summary>Digits only (<c>2125550147</c>), for phone columns too short for the formatted number.</summary>
    PhoneDigits,
    Currency,
}

/// <summary>A part of the row's place; all parts of one row describe the same city.</summary>
/// <param name="variant">For phone numbers: tells a fax from a phone, a mobile from a landline, in one row.</param>
internal sealed class PlaceGenerator(PlaceSource source, PlacePart part, ulong variant = 0) : ConceptGenerator(unique: false)
{
    /// <summary>The longest formatted phone number any built-in country writes.</summary>
    public const int PhoneLength = 18;

    private const string PostcodeLetters = "ABDEFGHJLNPQRSTUWXYZ";
    private const string CanadianLetters = "ABCEGHJKLMNPRSTVWXYZ";
    private const string DutchLetters = "ABCDEFGHJKLMNPRTVWXZ";

    public override void Write(long row, ref Rng rng, ValueBuilder output)
    {
        var place = Place.Of(source, row);
        var city = place.City;
        switch (part)
        {
            case PlacePart.Street:
                WriteStreet(place, output);
                break;
            case PlacePart.Secondary:
                WriteSecondary(place, output);
                break;
            case PlacePart.City:
                output.Append(city.Name);
                break;
            case PlacePart.Region:
                output.Append(city.Region);
                break;
            case PlacePart.RegionCode:
                output.Append(city.RegionCode);
                break;
            case PlacePart.PostalCode:
                WritePostalCode(place, output);
                break;
            case PlacePart.Country:
                output.Append(city.Country.Name);
                break;
            case PlacePart.CountryIso2:
                output.Append(city.Country.Iso2);
                break;
            case PlacePart.CountryIso3:
                output.Append(city.Country.Iso3);
                break;
            case PlacePart.TimeZone:
                output.Append(city.TimeZone);
                break;
            case PlacePart.Currency:
                output.Append(city.Country.Currency);
                break;
            default:
                WritePhone(place, part == PlacePart.PhoneDigits, variant, output);
                break;
        }
    }

    private static void WriteStreet(in Place place, ValueBuilder output)
    {
        var detail = place.Detail(PlaceDetail.Street);
        var streets = StreetNames.For(place.Country);
        var street = streets[streets.Pick(ref detail)];

        // American house numbers run into the thousands; European ones rarely pass a few hundred.
        var range = place.Country.Street == StreetStyle.NumberFirst && place.Country != PlaceTable.France ? 9_999.0 : 250.0;
        var number = 1 + (long)(range * Math.Min(detail.NextDouble(), detail.NextDouble()));
        switch (place.Country.Street)
        {
            case StreetStyle.NumberFirst:
                output.Append(number).Append((byte)' ').Append(street);
                break;
            case StreetStyle.NumberAfter:
                output.Append(street).Append((byte)' ').Append(number);
                break;
            default:
                output.Append(street).Append(", "u8).Append(number);
                break;
        }
    }

    private static void WriteSecondary(in Place place, ValueBuilder output)
    {
        var detail = place.Detail(PlaceDetail.Secondary);
        var number = 1 + (long)detail.NextBelow(40);
        var kind = detail.NextBelow(3);
        switch (place.Country.Iso2)
        {
            case "DE":
                output.Append(kind == 0 ? "Wohnung "u8 : "Etage "u8).Append(number % 8 + 1);
                break;
            case "FR":
                output.Append(kind == 0 ? "Bâtiment "u8 : "Appartement "u8);
                if (kind == 0)
                {
                    output.Append((byte)('A' + number % 6));
                }
                else
                {
                    output.Append(number);
                }

                break;
            case "ES":
                output.Append("Piso "u8).Append(number % 9 + 1).Append(", Puerta "u8).Append(number % 4 + 1);
                break;
            case "IT":
                output.Append("Scala "u8).Append((byte)('A' + number % 4)).Append(", Interno "u8).Append(number);
                break;
            case "BR":
                output.Append(kind == 0 ? "Sala "u8 : "Apto "u8).Append(number * 10 + (long)detail.NextBelow(10));
                break;
            case "NL":
                output.Append("Bus "u8).Append(number);
                break;
            default:
                output.Append(kind switch { 0 => "Suite "u8, 1 => "Unit "u8, _ => "Apt. "u8 });
                output.Append(kind == 0 ? number * 10 + (long)detail.NextBelow(10) : number);
                break;
        }
    }

    private static void WritePostalCode(in Place place, ValueBuilder output)
    {
        var detail = place.Detail(PlaceDetail.Postal);
        var city = place.City;
        switch (city.Country.Postal)
        {
            case PostalStyle.Digits:
                Literal.Padded(output, Between(ref detail, city.PostalRange), city.Country.DigitWidth);
                break;
            case PostalStyle.DigitsLetters:
                Literal.Padded(output, Between(ref detail, city.PostalRange), 4);
                output.Append((byte)' ');
                output.Append((byte)DutchLetters[(int)detail.NextBelow((ulong)DutchLetters.Length)]);
                output.Append((byte)DutchLetters[(int)detail.NextBelow((ulong)DutchLetters.Length)]);
                break;
            case PostalStyle.Brazilian:
                Literal.Padded(output, Between(ref detail, city.PostalRange), 5);
                output.Append((byte)'-');
                Literal.Digits(output, ref detail, 3);
                break;
            case PostalStyle.British:
                output.Append(city.OutwardCodes[detail.NextBelow((ulong)city.OutwardCodes.Length)]);
                output.Append((byte)' ');
                output.Append((byte)('0' + detail.NextBelow(10)));
                output.Append((byte)PostcodeLetters[(int)detail.NextBelow((ulong)PostcodeLetters.Length)]);
                output.Append((byte)PostcodeLetters[(int)detail.NextBelow((ulong)PostcodeLetters.Length)]);
                break;
            default:
                output.Append(city.OutwardCodes[detail.NextBelow((ulong)city.OutwardCodes.Length)]);
                output.Append((byte)' ');
                output.Append((byte)('0' + detail.NextBelow(10)));
                output.Append((byte)CanadianLetters[(int)detail.NextBelow((ulong)CanadianLetters.Length)]);
                output.Append((byte)('0' + detail.NextBelow(10)));
                break;
        }
    }

    private static long Between(ref Rng rng, (int Lo, int Hi) range) => rng.NextInclusive(range.Lo, range.Hi);

    /// <summary>A number in the city's area: national form at home in North America, international elsewhere.</summary>
    private static void WritePhone(in Place place, bool digitsOnly, ulong variant, ValueBuilder output)
    {
        var detail = place.Detail(PlaceDetail.Phone, variant);
        var city = place.City;
        var area = city.AreaCode;
        var iso = city.Country.Iso2;
        if (digitsOnly)
        {
            output.Append(area);
            Literal.Digits(output, ref detail, NationalLength(iso) - area.Length);
            return;
        }

        if (iso is "US" or "CA")
        {
            // The exchange never starts with 0 or 1 (North American Numbering Plan).
            output.Append((byte)'(').Append(area).Append(") "u8);
            output.Append((byte)('2' + detail.NextBelow(8)));
            Literal.Digits(output, ref detail, 2);
            output.Append((byte)'-');
            Literal.Digits(output, ref detail, 4);
            return;
        }

        output.Append((byte)'+').Append(city.Country.DialCode).Append((byte)' ');

        // The trunk 0 goes after the country code, except in Italy where it stays.
        var national = iso == "IT" ? area.AsSpan() : area.AsSpan().TrimStart('0');
        output.Append(national).Append((byte)' ');
        var rest = NationalLength(iso) - national.Length;
        switch (iso)
        {
            case "FR":
                for (var pair = 0; pair < rest / 2; pair++)
                {
                    Literal.Digits(output, ref detail, 2);
                    if (pair < (rest / 2) - 1)
                    {
                        output.Append((byte)' ');
                    }
                }

                break;
            case "BR":
                output.Append((byte)'9');
                Literal.Digits(output, ref detail, 4);
                output.Append((byte)'-');
                Literal.Digits(output, ref detail, 4);
                break;
            default:
                Literal.Digits(output, ref detail, rest - 4);
                output.Append((byte)' ');
                Literal.Digits(output, ref detail, 4);
                break;
        }
    }

    /// <summary>Digits of the national number, area code included.</summary>
    private static int NationalLength(string iso) => iso switch
    {
        "US" or "CA" or "GB" or "DE" or "IT" => 10,
        "FR" or "ES" or "NL" or "AU" => 9,
        "BR" => 11,
        _ => 10,
    };
}
