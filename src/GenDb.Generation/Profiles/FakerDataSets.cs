using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using Bogus;
using GenDb.Generation.Randomness;
using GenDb.Generation.Values;

namespace GenDb.Generation.Profiles;

/// <summary>
/// The Bogus data set methods gendb.yaml's <c>faker</c> can name: every public method of a
/// <see cref="Faker"/> data set (<c>address</c>, <c>internet</c>, <c>name</c> …) that can be called
/// without arguments and returns text, a number, a date or an address. Paths are matched ignoring
/// case and underscores, so <c>name.firstName</c>, <c>name.first_name</c> and <c>Name.FirstName</c>
/// are one method.
/// </summary>
public static class FakerDataSets
{
    private static readonly Lazy<Catalog> All = new(Catalog.Build);

    /// <summary>Every path <c>faker</c> accepts, as <c>dataSet.method</c>, sorted.</summary>
    public static IReadOnlyList<string> Paths => All.Value.Paths;

    /// <summary>The data set names (<c>address</c>, <c>commerce</c> …), sorted.</summary>
    public static IReadOnlyList<string> DataSets => All.Value.DataSetNames;

    /// <summary>
    /// Whether <paramref name="path"/> names a usable data set method; otherwise
    /// <paramref name="problem"/> says why and lists close matches or what there is.
    /// </summary>
    public static bool TryResolve(string path, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(path);
        problem = All.Value.Find(path, out _);
        return problem is null;
    }

    /// <summary>
    /// The Bogus locale to use for <paramref name="locale"/>: itself, with <c>-</c> read as
    /// <c>_</c> (<c>pt-BR</c>), or its language when Bogus has no such region (<c>de_DE</c> → <c>de</c>).
    /// False when Bogus knows neither.
    /// </summary>
    public static bool TryNormalizeLocale(string? locale, out string bogusLocale)
    {
        bogusLocale = "en";
        return string.IsNullOrWhiteSpace(locale) || Semantics.Locales.TryNormalize(locale, out bogusLocale);
    }

    /// <summary>The locales Bogus has, for messages.</summary>
    public static IReadOnlyList<string> Locales => [.. Bogus.Database.GetAllLocales().Order(StringComparer.Ordinal)];

    /// <summary>
    /// A generator for <paramref name="path"/> in <paramref name="locale"/>; throws
    /// <see cref="ArgumentException"/> when the path or locale does not resolve (check with
    /// <see cref="TryResolve"/> and <see cref="TryNormalizeLocale"/> first).
    /// </summary>
    public static IValueGenerator CreateGenerator(string path, string locale) => Create(path, locale, accept: null, maxChars: null);

    /// <summary>The method behind a path; throws <see cref="ArgumentException"/> when it does not resolve.</summary>
    internal static FakerMethod Resolve(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var problem = All.Value.Find(path, out var method);
        return method ?? throw new ArgumentException(problem, nameof(path));
    }

    /// <summary>
    /// A generator whose values <paramref name="accept"/> admits where a few redraws can manage;
    /// a value still longer than <paramref name="maxChars"/> is then cut.
    /// </summary>
    internal static FakerGenerator Create(string path, string locale, Func<string, bool>? accept, int? maxChars)
    {
        if (!TryNormalizeLocale(locale, out var bogusLocale))
        {
            throw new ArgumentException($"\"{locale}\" is not a Bogus locale.", nameof(locale));
        }

        return new FakerGenerator(Resolve(path), bogusLocale, accept, maxChars);
    }

    /// <summary>Data set names and methods by their normalised names (lowercase, no underscores).</summary>
    private sealed class Catalog
    {
        private readonly Dictionary<string, DataSetEntry> _dataSets = new(StringComparer.Ordinal);

        public IReadOnlyList<string> Paths { get; private set; } = [];

        public IReadOnlyList<string> DataSetNames { get; private set; } = [];

        public static Catalog Build()
        {
            var catalog = new Catalog();
            var names = new List<string>();
            var paths = new List<string>();
            foreach (var property in typeof(Faker).GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (!typeof(DataSet).IsAssignableFrom(property.PropertyType) || property.GetMethod is not { IsPublic: true } getter)
                {
                    continue;
                }

                var entry = new DataSetEntry(Camel(property.Name), getter.CreateDelegate<Func<Faker, DataSet>>());
                foreach (var method in property.PropertyType.GetMethods(BindingFlags.Public | BindingFlags.Instance))
                {
                    if (method.IsSpecialName || method.IsGenericMethodDefinition
                        || method.DeclaringType == typeof(object) || method.DeclaringType == typeof(DataSet))
                    {
                        continue;
                    }

                    var key = Normalize(method.Name);
                    var callable = method.GetParameters().All(p => p.IsOptional);
                    var known = entry.Methods.GetValueOrDefault(key);

                    // Overloads share a name: the one callable without arguments wins (CompanyName()
                    // over CompanyName(format)); among those, the one with the fewest parameters.
                    if (known is null
                        || (callable && !known.Callable)
                        || (callable == known.Callable && method.GetParameters().Length < known.Method.GetParameters().Length))
                    {
                        entry.Methods[key] = new MethodEntry(method, callable);
                    }
                }

                foreach (var method in entry.Methods.Values.Where(m => m.Callable && FakerMethod.CanWrite(m.Method.ReturnType)))
                {
                    paths.Add($"{entry.Name}.{Camel(method.Method.Name)}");
                }

                names.Add(entry.Name);
                catalog._dataSets[Normalize(property.Name)] = entry;

                // Phone is a PhoneNumbers, Image an Images: the class name works too.
                catalog._dataSets.TryAdd(Normalize(property.PropertyType.Name), entry);
            }

            catalog.Paths = [.. paths.Order(StringComparer.Ordinal)];
            catalog.DataSetNames = [.. names.Order(StringComparer.Ordinal)];
            return catalog;
        }

        /// <summary>Null and the method when <paramref name="path"/> resolves; otherwise what is wrong.</summary>
        public string? Find(string path, out FakerMethod? method)
        {
            method = null;
            var trimmed = path.Trim();
            var dot = trimmed.IndexOf('.', StringComparison.Ordinal);
            if (dot <= 0 || dot == trimmed.Length - 1 || trimmed.IndexOf('.', dot + 1) >= 0)
            {
                return $"faker path \"{path}\" must be a data set and a method, such as internet.email or address.city; data sets: {string.Join(", ", DataSetNames)}";
            }

            var setKey = Normalize(trimmed[..dot]);
            if (!_dataSets.TryGetValue(setKey, out var dataSet))
            {
                var close = Closest(setKey, _dataSets.Keys.Select(k => (k, _dataSets[k].Name)).DistinctBy(p => p.Name));
                var guess = close.Count > 0 ? $"did you mean {string.Join(" or ", close)}? " : string.Empty;
                return $"faker data set \"{trimmed[..dot]}\" does not exist; {guess}data sets: {string.Join(", ", DataSetNames)}";
            }

            var methodKey = Normalize(trimmed[(dot + 1)..]);
            var usable = dataSet.Methods.Values.Where(m => m.Callable && FakerMethod.CanWrite(m.Method.ReturnType)).ToList();
            var listing = string.Join(", ", usable.Select(m => $"{dataSet.Name}.{Camel(m.Method.Name)}").Order(StringComparer.Ordinal));
            if (!dataSet.Methods.TryGetValue(methodKey, out var entry))
            {
                var close = Closest(methodKey, usable.Select(m => (Normalize(m.Method.Name), $"{dataSet.Name}.{Camel(m.Method.Name)}")));
                var guess = close.Count > 0 ? $"did you mean {string.Join(" or ", close)}? " : string.Empty;
                return $"faker path \"{path}\": data set {dataSet.Name} has no method \"{trimmed[(dot + 1)..]}\"; {guess}{dataSet.Name} has: {listing}";
            }

            var display = $"{dataSet.Name}.{Camel(entry.Method.Name)}";
            if (!entry.Callable)
            {
                return $"faker path \"{path}\": {display} needs arguments, and faker calls methods without any; {dataSet.Name} has: {listing}";
            }

            if (!FakerMethod.CanWrite(entry.Method.ReturnType))
            {
                return $"faker path \"{path}\": {display} returns {entry.Method.ReturnType.Name}, which is not a value GenDB can write; {dataSet.Name} has: {listing}";
            }

            method = entry.Resolved ??= new FakerMethod(display, dataSet.Get, entry.Method);
            return null;
        }

        /// <summary>Up to three candidates within a small edit distance, nearest first.</summary>
        private static List<string> Closest(string key, IEnumerable<(string Key, string Display)> candidates)
        {
            var limit = Math.Max(2, key.Length / 3);
            return [.. candidates
                .Select(c => (c.Display, Distance: Math.Min(EditDistance(key, c.Key), c.Key.StartsWith(key, StringComparison.Ordinal) && key.Length >= 3 ? 1 : int.MaxValue)))
                .Where(c => c.Distance <= limit)
                .OrderBy(c => c.Distance)
                .ThenBy(c => c.Display, StringComparer.Ordinal)
                .Take(3)
                .Select(c => c.Display)];
        }

        private static int EditDistance(string a, string b)
        {
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (var j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                    current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
                }

                (previous, current) = (current, previous);
            }

            return previous[b.Length];
        }
    }

    private static string Normalize(string name) => name.Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    private sealed record DataSetEntry(string Name, Func<Faker, DataSet> Get)
    {
        public Dictionary<string, MethodEntry> Methods { get; } = new(StringComparer.Ordinal);
    }

    private sealed record MethodEntry(MethodInfo Method, bool Callable)
    {
        public FakerMethod? Resolved { get; set; }
    }
}

/// <summary>
/// One data set method, called on the calling thread's <see cref="Faker"/> of a locale with a
/// <see cref="Randomizer"/> seeded from the column's <see cref="Rng"/> for every value: the value
/// depends on that stream alone, never on Bogus's global seed or the clock.
/// </summary>
internal sealed class FakerMethod
{
    /// <summary>
    /// "Now" for date.past, date.soon and the like: a fixed instant (UTC, so the machine's time zone
    /// cannot move an offset), so the same seed gives the same dates on any day.
    /// </summary>
    internal static readonly DateTime Reference = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly HashSet<Type> Writable =
    [
        typeof(string), typeof(string[]), typeof(bool), typeof(char),
        typeof(byte), typeof(sbyte), typeof(short), typeof(ushort), typeof(int), typeof(uint), typeof(long), typeof(ulong),
        typeof(float), typeof(double), typeof(decimal),
        typeof(DateTime), typeof(DateTimeOffset), typeof(DateOnly), typeof(TimeOnly), typeof(TimeSpan),
        typeof(Guid), typeof(IPAddress), typeof(IPEndPoint), typeof(Version),
    ];

    /// <summary>One Faker per locale per thread: a data set's Randomizer is set before each call, so it cannot be shared.</summary>
    [ThreadStatic]
    private static Dictionary<string, Faker>? _fakers;

    private readonly Func<Faker, DataSet> _dataSet;
    private readonly MethodInfo _method;
    private readonly object?[] _arguments;

    public FakerMethod(string path, Func<Faker, DataSet> dataSet, MethodInfo method)
    {
        Path = path;
        _dataSet = dataSet;
        _method = method;

        // Type.Missing makes Invoke use each optional parameter's default.
        _arguments = [.. method.GetParameters().Select(_ => Type.Missing)];
    }

    /// <summary><c>dataSet.method</c> as the catalog spells it.</summary>
    public string Path { get; }

    public static bool CanWrite(Type type) => Writable.Contains(type);

    /// <summary>The method's value for a Randomizer seeded from <paramref name="rng"/>, in PostgreSQL's text input form.</summary>
    public string Draw(ref Rng rng, string locale)
    {
        var fakers = _fakers ??= new Dictionary<string, Faker>(StringComparer.Ordinal);
        if (!fakers.TryGetValue(locale, out var faker))
        {
            faker = new Faker(locale) { DateTimeReference = Reference };
            fakers[locale] = faker;
        }

        var dataSet = _dataSet(faker);

        // The Randomizer flows from the data set to those it uses (internet.email asks name).
        dataSet.Random = new Randomizer((int)(rng.NextUInt64() >> 33));
        try
        {
            return Format(_method.Invoke(dataSet, _arguments));
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw new InvalidOperationException($"faker {Path} failed in locale {locale}: {ex.InnerException.Message}", ex.InnerException);
        }
    }

    /// <summary>Invariant text PostgreSQL reads back: ISO dates, <c>.</c> decimals, <c>3 days 04:05:06</c> intervals.</summary>
    internal static string Format(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        string[] words => string.Join(' ', words),
        bool b => b ? "true" : "false",
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFzzz", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture),
        TimeSpan t => Interval(t),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string Interval(TimeSpan span)
    {
        var text = new StringBuilder();
        if (span < TimeSpan.Zero)
        {
            text.Append('-');
            span = span.Duration();
        }

        text.Append(CultureInfo.InvariantCulture, $"{span.Days} days {span.Hours:00}:{span.Minutes:00}:{span.Seconds:00}");
        var micros = span.Ticks % TimeSpan.TicksPerSecond / 10;
        if (micros != 0)
        {
            text.Append(CultureInfo.InvariantCulture, $".{micros:000000}");
        }

        return text.ToString();
    }
}

/// <summary>
/// Values of a <see cref="FakerMethod"/>. A value that <c>accept</c> refuses (too long for the
/// column, say) is drawn again a few times, then cut to the column's length.
/// </summary>
internal sealed class FakerGenerator(FakerMethod method, string locale, Func<string, bool>? accept, int? maxChars) : IValueGenerator
{
    private const int Redraws = 16;

    public bool IsUnique => false;

    public string Locale => locale;

    public FakerMethod Method => method;

    public void Write(long row, ref Rng rng, ValueBuilder output)
    {
        var value = method.Draw(ref rng, locale);
        for (var attempt = 0; accept is not null && attempt < Redraws && !accept(value); attempt++)
        {
            value = method.Draw(ref rng, locale);
        }

        if (maxChars is { } max && value.Length > max)
        {
            value = Cut(value, max);
        }

        output.Append(value);
    }

    /// <summary>The first <paramref name="max"/> characters (code points, as PostgreSQL counts them).</summary>
    internal static string Cut(string value, int max)
    {
        var taken = 0;
        var end = 0;
        foreach (var rune in value.EnumerateRunes())
        {
            if (taken == max)
            {
                break;
            }

            end += rune.Utf16SequenceLength;
            taken++;
        }

        return value[..end].TrimEnd();
    }
}
