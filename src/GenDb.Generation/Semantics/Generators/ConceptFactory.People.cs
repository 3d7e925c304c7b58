using System.Text;
using GenDb.Generation.Semantics.Columns;
using GenDb.Generation.Semantics.Data;
using GenDb.Generation.Semantics.Detection;
using GenDb.Generation.Semantics.Entities;
using GenDb.Generation.Values;

namespace GenDb.Generation.Semantics.Generators;

/// <summary>People and places of a row.</summary>
internal sealed partial class ConceptFactory
{
    private IValueGenerator? Person(ConceptMatch d)
    {
        var people = Persons(d.Role);
        switch (d.Concept)
        {
            case Concept.FirstName:
                return Text(new PersonNameGenerator(people, PersonPart.First), 2);
            case Concept.MiddleName:
                return Text(new PersonNameGenerator(people, PersonPart.Middle), 2);
            case Concept.LastName:
                return Text(new PersonNameGenerator(people, PersonPart.Last), 2);
            case Concept.FullName:
                return Text(new PersonNameGenerator(people, PersonPart.Full), 5, numbered: true);
            case Concept.PersonNames:
                return Text(new PersonNameGenerator(people, PersonPart.Names), 5);
            case Concept.Salutation:
                return Text(new PersonNameGenerator(people, PersonPart.Salutation), 3);
            case Concept.Gender:
                return Gender(people);
            case Concept.Username:
                var usernameMax = _f.MaxChars ?? 64;
                return SelfFitting(new UsernameGenerator(people, Unique, usernameMax), Unique ? 14 : UsernameGenerator.MinimumLength);
            case Concept.Email:
                if (CompanyTable() && !_f.NeighbourHas("first", "last", "surname", "username"))
                {
                    return Text(new CompanyGenerator(Companies(d.Role), CompanyPart.Email), 24);
                }

                var emailMax = _f.MaxChars ?? 254;
                return SelfFitting(new EmailGenerator(people, Unique, emailMax), Unique ? 28 : EmailGenerator.MinimumLength);
            case Concept.JobTitle:
                return Text(new JobTitleGenerator(_data), 5);
            case Concept.Department:
                var departments = _f.Hints.Commerce && !_f.NeighbourHas("salary", "hire", "manager") ? _data.CommerceDepartments : Lexicon.OrgDepartments;
                return Text(Skewed(departments), 2);
            default:
                // Bcrypt salts mix cases: under citext two of them could compare equal.
                var max = _f.MaxChars;
                return IsText && max is null or >= 32 && !(Unique && Shape.CaseInsensitive)
                    ? new PasswordHashGenerator(Key("password", d.Role), max, Unique)
                    : null;
        }
    }

    private bool CompanyTable() =>
        _f.TableHead is "company" or "vendor" or "supplier" or "manufacturer" or "publisher" or "organization" or "organisation"
            or "business" or "partner" or "agency" or "merchant" or "store" or "shop" or "firm" or "brand";

    /// <summary>The person's gender in the column's vocabulary: its CHECK list or enum labels, or female/male, or F/M.</summary>
    private IValueGenerator? Gender(PersonSource people)
    {
        IReadOnlyList<string>? listed = _f.Rules.Allowed ?? (Shape.Kind == ValueKind.Enum ? Shape.Labels : null);
        if (listed is not null)
        {
            var female = listed.FirstOrDefault(v => v.Length > 0 && char.ToLowerInvariant(v[0]) is 'f' or 'w');
            var male = listed.FirstOrDefault(v => v.Length > 0 && char.ToLowerInvariant(v[0]) == 'm');
            return female is null || male is null
                ? new ChoiceGenerator(ChoiceSets.Ordered("gender", listed).Items)
                : new PersonNameGenerator(people, PersonPart.Gender, Encoding.UTF8.GetBytes(female), Encoding.UTF8.GetBytes(male));
        }

        if (!IsText)
        {
            return null;
        }

        return _f.MaxChars is < 6
            ? new PersonNameGenerator(people, PersonPart.Gender, "F"u8.ToArray(), "M"u8.ToArray())
            : new PersonNameGenerator(people, PersonPart.Gender, "female"u8.ToArray(), "male"u8.ToArray());
    }

    private IValueGenerator? Place(ConceptMatch d)
    {
        var places = Places(d.Role);
        var max = _f.MaxChars;
        switch (d.Concept)
        {
            case Concept.StreetAddress:
                return Text(new PlaceGenerator(places, PlacePart.Street), 16);
            case Concept.SecondaryAddress:
                return Text(new PlaceGenerator(places, PlacePart.Secondary), 5);
            case Concept.City:
                // Cut city names ("Portla") read worse than the type fallback: most names need ten characters.
                return Text(new PlaceGenerator(places, PlacePart.City), 10, numbered: true);
            case Concept.Region:
                return max is <= 3
                    ? Text(new PlaceGenerator(places, PlacePart.RegionCode), 2)
                    : Text(new PlaceGenerator(places, PlacePart.Region), 10);
            case Concept.RegionCode:
                return Text(new PlaceGenerator(places, PlacePart.RegionCode), 2);
            case Concept.PostalCode:
                return Text(new PlaceGenerator(places, PlacePart.PostalCode), 4);
            case Concept.Country when d.Variant == "world":
                return max is <= 3 ? WorldCountry(d.Role, c => max == 3 ? c.Iso3 : c.Iso2, 2) : WorldCountry(d.Role, c => c.Name, 4);
            case Concept.Country:
                return max is <= 3
                    ? Text(new PlaceGenerator(places, max == 3 ? PlacePart.CountryIso3 : PlacePart.CountryIso2), 2)
                    : Text(new PlaceGenerator(places, PlacePart.Country), 4);
            case Concept.CountryCode:
                var three = max == 3 || _f.HasAny("iso3", "alpha3");
                return _f.TableIs("country", "nation") && !PlaceContext()
                    ? WorldCountry(d.Role, c => three ? c.Iso3 : c.Iso2, 2)
                    : Text(new PlaceGenerator(places, three ? PlacePart.CountryIso3 : PlacePart.CountryIso2), 2);
            case Concept.TimeZone:
                // The zone of the row's city where the row has a place; any zone otherwise.
                return PlaceContext()
                    ? Text(new PlaceGenerator(places, PlacePart.TimeZone), 8)
                    : Text(new PickGenerator(WorldData.TimeZones), 8);
            case Concept.CurrencyCode:
                return _f.TableIs("currency")
                    ? Text(new RowPickGenerator(Key("currency", d.Role), Currencies.Length, i => Currencies[i]), 3)
                    : Text(new PlaceGenerator(places, PlacePart.Currency), 3);
            case Concept.Phone:
                // Each phone column of a row gets its own number in the same area.
                var variant = RowSeed.Key(0, "phone", _f.Context.Column.Name);
                return !IsText ? null
                    : max is null or >= PlaceGenerator.PhoneLength ? new PlaceGenerator(places, PlacePart.Phone, variant)
                    : max >= 11 ? new PlaceGenerator(places, PlacePart.PhoneDigits, variant)
                    : null;
            default:
                return Coordinate(places, d.Concept == Concept.Latitude);
        }
    }

    private static readonly string[] Currencies = [.. WorldData.Countries.Select(c => c.Currency).Distinct(StringComparer.Ordinal)];

    /// <summary>A country of the world list; the name and code columns of one row pick the same one.</summary>
    private IValueGenerator? WorldCountry(string role, Func<WorldCountry, string> part, int minUseful) =>
        Text(new RowPickGenerator(Key("country", role), WorldData.Countries.Count, i => part(WorldData.Countries[i])), minUseful, numbered: minUseful > 2);

    /// <summary>The city's coordinates within about five kilometres, at the column's scale (at most six decimals).</summary>
    private IValueGenerator? Coordinate(PlaceSource places, bool latitude)
    {
        var limit = latitude ? 90 : 180;
        int scale;
        UnitSet allowed;
        if (IsText)
        {
            scale = 6;
            allowed = UnitSet.All;
        }
        else if (Shape.IsNumber && Shape.Kind != ValueKind.Integer && Shape.MaxScale >= 1)
        {
            scale = Math.Min(6, Shape.MaxScale);
            if (NumberRange(scale) is not { } range)
            {
                return null;
            }

            allowed = range;
        }
        else
        {
            return null;
        }

        var unit = Literal.Pow10(scale);
        var window = new UnitWindow(-limit * unit, limit * unit, allowed);
        if (window.IsEmpty)
        {
            return null;
        }

        return new DerivedNumberGenerator(
            row =>
            {
                var place = Entities.Place.Of(places, row);
                var detail = place.Detail(PlaceDetail.Coordinates);
                var jitterLat = (detail.NextDouble() - 0.5) * 0.1;
                var jitterLon = (detail.NextDouble() - 0.5) * 0.1;
                var degrees = latitude ? place.City.Latitude + jitterLat : place.City.Longitude + jitterLon;
                return (long)Math.Round(degrees * unit, MidpointRounding.ToEven);
            },
            window,
            scale);
    }
}
