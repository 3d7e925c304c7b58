using System.Collections.Concurrent;
using Bogus;
using Bogus.Bson;

namespace GenDb.Generation.Semantics.Data;

/// <summary>
/// The words of one Bogus locale, read once: Bogus's data set arrays are indexed with our own
/// <see cref="Randomness.Rng"/> (a Faker per value is far too slow: about 600 a second), and
/// what Bogus builds from templates (company names, street names, user agents) is drawn once into
/// a pool by a Faker with a fixed seed, so every machine gets the same pool.
/// </summary>
internal sealed class LocaleData
{
    /// <summary>The seed of the pools; changing it changes every generated company and street.</summary>
    private const int PoolSeed = 20_240_601;

    private const int PoolSize = 1024;

    private static readonly ConcurrentDictionary<string, Lazy<LocaleData>> Cache = new(StringComparer.Ordinal);

    private readonly Lazy<WordList> _companies;
    private readonly Lazy<WordList> _userAgents;

    private LocaleData(string locale)
    {
        Locale = locale;
        var anyFirst = Strings("name", "first_name");
        var roman = RomanizedNames.For(locale);
        Func<string, int, string>? Romanize(NameKind kind) => roman is null ? null : (name, i) => roman.Romanize(name, i, kind);
        FemaleFirstNames = new WordList(Strings("name", "female_first_name") ?? anyFirst ?? Strings("name", "first_name", "en")!, locale, Romanize(NameKind.Female));
        MaleFirstNames = new WordList(Strings("name", "male_first_name") ?? anyFirst ?? Strings("name", "first_name", "en")!, locale, Romanize(NameKind.Male));
        LastNames = new WordList(Strings("name", "last_name") ?? Strings("name", "male_last_name") ?? Strings("name", "last_name", "en")!, locale, Romanize(NameKind.Family));
        FemaleLastNames = Strings("name", "female_last_name") is { } female ? new WordList(female, locale, Romanize(NameKind.Family)) : LastNames;
        FreeEmailDomains = new WordList(Strings("internet", "free_email") ?? Strings("internet", "free_email", "en")!);
        JobDescriptors = new WordList(Strings("name", "title.descriptor", "en")!);
        JobLevels = new WordList(Strings("name", "title.level", "en")!);
        JobRoles = new WordList(Strings("name", "title.job", "en")!);
        ProductAdjectives = new WordList(Strings("commerce", "product_name.adjective") ?? Strings("commerce", "product_name.adjective", "en")!, locale);
        ProductMaterials = new WordList(Strings("commerce", "product_name.material") ?? Strings("commerce", "product_name.material", "en")!, locale);
        Products = new WordList(Strings("commerce", "product_name.product") ?? Strings("commerce", "product_name.product", "en")!, locale);
        Colors = new WordList(Strings("commerce", "color") ?? Strings("commerce", "color", "en")!, locale);
        CommerceDepartments = new WordList(Strings("commerce", "department") ?? Strings("commerce", "department", "en")!, locale);
        VehicleMakes = new WordList(Strings("vehicle", "manufacturer", "en")!);
        VehicleModels = new WordList(Strings("vehicle", "model", "en")!);
        _companies = new(() => Pool(f => f.Company.CompanyName()));
        _userAgents = new(() => Pool(f => f.Internet.UserAgent()));
    }

    public string Locale { get; }

    public WordList FemaleFirstNames { get; }

    public WordList MaleFirstNames { get; }

    public WordList LastNames { get; }

    /// <summary>Where a language inflects surnames (Russian, Polish), the female forms; otherwise <see cref="LastNames"/>.</summary>
    public WordList FemaleLastNames { get; }

    public WordList FreeEmailDomains { get; }

    public WordList JobDescriptors { get; }

    public WordList JobLevels { get; }

    public WordList JobRoles { get; }

    public WordList ProductAdjectives { get; }

    public WordList ProductMaterials { get; }

    public WordList Products { get; }

    public WordList Colors { get; }

    public WordList CommerceDepartments { get; }

    public WordList VehicleMakes { get; }

    public WordList VehicleModels { get; }

    public WordList Companies => _companies.Value;

    public WordList UserAgents => _userAgents.Value;

    /// <summary>The data of <paramref name="locale"/>, or of <c>en</c> when Bogus has no such locale.</summary>
    public static LocaleData For(string? locale)
    {
        var name = Normalize(locale);
        return Cache.GetOrAdd(name, n => new Lazy<LocaleData>(() => new LocaleData(n))).Value;
    }

    /// <summary>A Bogus locale name: <c>de-DE</c> and <c>de_DE</c> read as <c>de</c> when Bogus has no <c>de_DE</c>.</summary>
    public static string Normalize(string? locale) =>
        locale is not null && Locales.TryNormalize(locale, out var name) ? name : "en";

    /// <summary>A pool drawn once from a Faker of this locale with a fixed seed.</summary>
    public WordList Pool(Func<Faker, string> draw, int size = PoolSize)
    {
        var faker = new Faker(Locale) { Random = new Randomizer(PoolSeed) };
        var items = new List<string>(size);
        for (var i = 0; i < size; i++)
        {
            items.Add(draw(faker));
        }

        return new WordList(items, Locale);
    }

    private string[]? Strings(string category, string path) => Strings(category, path, Locale);

    private static string[]? Strings(string category, string path, string locale)
    {
        if (!Database.HasKey(category, path, locale, locale))
        {
            return null;
        }

        return Database.Get(category, path, locale, locale) is BArray array && array.Count > 0
            ? [.. Enumerable.Range(0, array.Count).Select(i => array[i]).Where(v => v.ValueType == BValueType.String).Select(v => v.StringValue)]
            : null;
    }
}
