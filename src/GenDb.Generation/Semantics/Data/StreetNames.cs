using System.Collections.Concurrent;
using GenDb.Generation.Randomness;

namespace GenDb.Generation.Semantics.Data;

/// <summary>
/// Street names per country, without house numbers (the place adds those in the country's way).
/// English-speaking countries get a name and a common suffix (<c>Maple Street</c>); others a
/// pool of their Bogus locale's street names.
/// </summary>
internal static class StreetNames
{
    private const ulong PoolSeed = 0x5354_5245_4554_5331;
    private const int PoolSize = 1024;

    private static readonly ConcurrentDictionary<string, Lazy<WordList>> Cache = new(StringComparer.Ordinal);

    public static WordList For(CountryInfo country) =>
        Cache.GetOrAdd(country.Iso2, static (_, c) => new Lazy<WordList>(() => Build(c)), country).Value;

    private static WordList Build(CountryInfo country)
    {
        if (country.Street != StreetStyle.NumberFirst || country == PlaceTable.France)
        {
            return LocaleData.For(country.StreetLocale).Pool(f => f.Address.StreetName(), PoolSize);
        }

        var data = LocaleData.For("en");
        var rng = new Rng(PoolSeed);
        var names = new List<string>(PoolSize);
        for (var i = 0; i < PoolSize; i++)
        {
            var stem = rng.NextBelow(3) switch
            {
                0 => data.MaleFirstNames.Text(data.MaleFirstNames.Pick(ref rng)),
                1 => Lexicon.TitleNouns.Text(Lexicon.TitleNouns.Pick(ref rng)),
                _ => data.LastNames.Text(data.LastNames.Pick(ref rng)),
            };
            names.Add(stem + " " + Lexicon.StreetSuffixes.Text(Lexicon.StreetSuffixes.Pick(ref rng)));
        }

        return new WordList(names);
    }
}
