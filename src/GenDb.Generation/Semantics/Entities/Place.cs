using GenDb.Generation.Randomness;
using GenDb.Generation.Semantics.Data;

namespace GenDb.Generation.Semantics.Entities;

/// <summary>
/// The place of one row: a real city (with its region, country, postal codes, coordinates,
/// time zone and area code) and the details drawn within it. Each detail has its own stream, so a
/// postal code is the same whether or not the table also has a street column.
/// </summary>
internal readonly struct Place
{
    private readonly ulong _details;

    private Place(CityInfo city, ulong details)
    {
        City = city;
        _details = details;
    }

    public CityInfo City { get; }

    public CountryInfo Country => City.Country;

    public static Place Of(PlaceSource source, long row)
    {
        var rng = RowSeed.For(source.Key, row);
        var city = source.Cities.Pick(ref rng);
        return new Place(city, rng.NextUInt64());
    }

    /// <summary>The stream of one detail: postal code, street, phone, coordinates.</summary>
    /// <param name="variant">Tells apart details of one kind: a phone and a fax number of the same place.</param>
    public Rng Detail(PlaceDetail detail, ulong variant = 0) =>
        new(RowSeed.Mix(_details + ((ulong)detail * 0xD1B54A32D192ED03UL) + (variant * 0x9E3779B97F4A7C15UL)));
}

internal enum PlaceDetail
{
    Postal = 1,
    Street,
    Phone,
    Coordinates,
    Secondary,
}

/// <summary>Where the places of one table and role come from.</summary>
internal sealed class PlaceSource(PlaceSet cities, ulong key)
{
    public PlaceSet Cities { get; } = cities;

    public ulong Key { get; } = key;
}
