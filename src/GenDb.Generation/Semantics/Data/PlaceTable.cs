using GenDb.Generation.Randomness;

namespace GenDb.Generation.Semantics.Data;

/// <summary>How a country writes its street addresses.</summary>
internal enum StreetStyle
{
    /// <summary><c>1234 Maple Street</c>.</summary>
    NumberFirst,

    /// <summary><c>Hauptstraße 12</c>.</summary>
    NumberAfter,

    /// <summary><c>Calle Mayor, 17</c>.</summary>
    NumberAfterComma,
}

/// <summary>How a country writes its postal codes.</summary>
internal enum PostalStyle
{
    /// <summary>A number from the city's range, zero-padded: <c>02108</c>, <c>75011</c>, <c>2000</c>.</summary>
    Digits,

    /// <summary>Dutch: four digits from the range, a space, two letters: <c>1017 AB</c>.</summary>
    DigitsLetters,

    /// <summary>British: one of the city's outward codes, a space, digit and two letters: <c>SW1A 2AA</c>.</summary>
    British,

    /// <summary>Canadian: one of the city's forward sortation areas, a space, digit letter digit: <c>M5V 2T6</c>.</summary>
    Canadian,

    /// <summary>Brazilian CEP: five digits from the range, a hyphen, three digits: <c>01310-100</c>.</summary>
    Brazilian,
}

/// <summary>A country of the built-in place table.</summary>
/// <param name="StreetLocale">The Bogus locale whose street names suit the country.</param>
/// <param name="DigitWidth">For digit postal codes, their width.</param>
internal sealed record CountryInfo(
    string Iso2,
    string Iso3,
    string Name,
    string Currency,
    string DialCode,
    string StreetLocale,
    StreetStyle Street,
    PostalStyle Postal,
    int DigitWidth);

/// <summary>
/// A real city with its region, postal codes, coordinates, time zone and telephone area code, so
/// that the columns of one row's place agree.
/// </summary>
/// <param name="Postal">Digits styles: <c>lo-hi</c>; British and Canadian: outward codes separated by spaces.</param>
internal sealed record CityInfo(
    string Name,
    string Region,
    string RegionCode,
    CountryInfo Country,
    string Postal,
    double Latitude,
    double Longitude,
    string TimeZone,
    string AreaCode)
{
    private (int Lo, int Hi)? _range;
    private string[]? _outward;

    public (int Lo, int Hi) PostalRange => _range ??= ReadRange();

    public string[] OutwardCodes => _outward ??= Postal.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private (int Lo, int Hi) ReadRange()
    {
        var dash = Postal.IndexOf('-', StringComparison.Ordinal);
        return (int.Parse(Postal.AsSpan(0, dash), provider: System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Postal.AsSpan(dash + 1), provider: System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>
/// The built-in places: Bogus's address parts are independent of each other (a city with another
/// country's postal code), so coherent rows draw from these real tuples instead.
/// </summary>
internal static class PlaceTable
{
    public static readonly CountryInfo UnitedStates = new("US", "USA", "United States", "USD", "1", "en", StreetStyle.NumberFirst, PostalStyle.Digits, 5);
    public static readonly CountryInfo UnitedKingdom = new("GB", "GBR", "United Kingdom", "GBP", "44", "en_GB", StreetStyle.NumberFirst, PostalStyle.British, 0);
    public static readonly CountryInfo Germany = new("DE", "DEU", "Germany", "EUR", "49", "de", StreetStyle.NumberAfter, PostalStyle.Digits, 5);
    public static readonly CountryInfo France = new("FR", "FRA", "France", "EUR", "33", "fr", StreetStyle.NumberFirst, PostalStyle.Digits, 5);
    public static readonly CountryInfo Spain = new("ES", "ESP", "Spain", "EUR", "34", "es", StreetStyle.NumberAfterComma, PostalStyle.Digits, 5);
    public static readonly CountryInfo Italy = new("IT", "ITA", "Italy", "EUR", "39", "it", StreetStyle.NumberAfterComma, PostalStyle.Digits, 5);
    public static readonly CountryInfo Netherlands = new("NL", "NLD", "Netherlands", "EUR", "31", "nl", StreetStyle.NumberAfter, PostalStyle.DigitsLetters, 4);
    public static readonly CountryInfo Canada = new("CA", "CAN", "Canada", "CAD", "1", "en_CA", StreetStyle.NumberFirst, PostalStyle.Canadian, 0);
    public static readonly CountryInfo Australia = new("AU", "AUS", "Australia", "AUD", "61", "en_AU", StreetStyle.NumberFirst, PostalStyle.Digits, 4);
    public static readonly CountryInfo Brazil = new("BR", "BRA", "Brazil", "BRL", "55", "pt_BR", StreetStyle.NumberAfterComma, PostalStyle.Brazilian, 5);

    public static IReadOnlyList<CountryInfo> Countries { get; } =
        [UnitedStates, UnitedKingdom, Germany, France, Spain, Italy, Netherlands, Canada, Australia, Brazil];

    public static IReadOnlyList<CityInfo> Cities { get; } =
    [
        new("New York", "New York", "NY", UnitedStates, "10001-10292", 40.71, -74.01, "America/New_York", "212"),
        new("Los Angeles", "California", "CA", UnitedStates, "90001-90089", 34.05, -118.24, "America/Los_Angeles", "213"),
        new("Chicago", "Illinois", "IL", UnitedStates, "60601-60661", 41.88, -87.63, "America/Chicago", "312"),
        new("Houston", "Texas", "TX", UnitedStates, "77001-77099", 29.76, -95.37, "America/Chicago", "713"),
        new("Phoenix", "Arizona", "AZ", UnitedStates, "85001-85099", 33.45, -112.07, "America/Phoenix", "602"),
        new("Philadelphia", "Pennsylvania", "PA", UnitedStates, "19102-19154", 39.95, -75.17, "America/New_York", "215"),
        new("San Antonio", "Texas", "TX", UnitedStates, "78201-78266", 29.42, -98.49, "America/Chicago", "210"),
        new("San Diego", "California", "CA", UnitedStates, "92101-92199", 32.72, -117.16, "America/Los_Angeles", "619"),
        new("Dallas", "Texas", "TX", UnitedStates, "75201-75398", 32.78, -96.80, "America/Chicago", "214"),
        new("San Jose", "California", "CA", UnitedStates, "95110-95196", 37.34, -121.89, "America/Los_Angeles", "408"),
        new("Austin", "Texas", "TX", UnitedStates, "78701-78799", 30.27, -97.74, "America/Chicago", "512"),
        new("Jacksonville", "Florida", "FL", UnitedStates, "32099-32277", 30.33, -81.66, "America/New_York", "904"),
        new("Columbus", "Ohio", "OH", UnitedStates, "43085-43240", 39.96, -83.00, "America/New_York", "614"),
        new("Charlotte", "North Carolina", "NC", UnitedStates, "28201-28299", 35.23, -80.84, "America/New_York", "704"),
        new("Seattle", "Washington", "WA", UnitedStates, "98101-98199", 47.61, -122.33, "America/Los_Angeles", "206"),
        new("Denver", "Colorado", "CO", UnitedStates, "80201-80299", 39.74, -104.99, "America/Denver", "303"),
        new("Boston", "Massachusetts", "MA", UnitedStates, "02108-02137", 42.36, -71.06, "America/New_York", "617"),
        new("Portland", "Oregon", "OR", UnitedStates, "97201-97299", 45.52, -122.68, "America/Los_Angeles", "503"),
        new("Atlanta", "Georgia", "GA", UnitedStates, "30301-30399", 33.75, -84.39, "America/New_York", "404"),
        new("Miami", "Florida", "FL", UnitedStates, "33101-33199", 25.76, -80.19, "America/New_York", "305"),
        new("Minneapolis", "Minnesota", "MN", UnitedStates, "55401-55488", 44.98, -93.27, "America/Chicago", "612"),
        new("Detroit", "Michigan", "MI", UnitedStates, "48201-48288", 42.33, -83.05, "America/Detroit", "313"),
        new("Nashville", "Tennessee", "TN", UnitedStates, "37201-37250", 36.16, -86.78, "America/Chicago", "615"),
        new("Salt Lake City", "Utah", "UT", UnitedStates, "84101-84199", 40.76, -111.89, "America/Denver", "801"),
        new("Kansas City", "Missouri", "MO", UnitedStates, "64101-64199", 39.10, -94.58, "America/Chicago", "816"),
        new("Las Vegas", "Nevada", "NV", UnitedStates, "89101-89199", 36.17, -115.14, "America/Los_Angeles", "702"),
        new("Baltimore", "Maryland", "MD", UnitedStates, "21201-21298", 39.29, -76.61, "America/New_York", "410"),
        new("Milwaukee", "Wisconsin", "WI", UnitedStates, "53201-53295", 43.04, -87.91, "America/Chicago", "414"),
        new("Albuquerque", "New Mexico", "NM", UnitedStates, "87101-87199", 35.08, -106.65, "America/Denver", "505"),
        new("New Orleans", "Louisiana", "LA", UnitedStates, "70112-70195", 29.95, -90.07, "America/Chicago", "504"),
        new("Pittsburgh", "Pennsylvania", "PA", UnitedStates, "15201-15295", 40.44, -80.00, "America/New_York", "412"),
        new("Anchorage", "Alaska", "AK", UnitedStates, "99501-99599", 61.22, -149.90, "America/Anchorage", "907"),
        new("Honolulu", "Hawaii", "HI", UnitedStates, "96801-96850", 21.31, -157.86, "Pacific/Honolulu", "808"),
        new("Omaha", "Nebraska", "NE", UnitedStates, "68101-68198", 41.26, -95.94, "America/Chicago", "402"),
        new("Raleigh", "North Carolina", "NC", UnitedStates, "27601-27699", 35.78, -78.64, "America/New_York", "919"),

        new("London", "Greater London", "ENG", UnitedKingdom, "EC1A EC2V WC1E WC2N SW1A SW3 SW11 SE1 SE10 N1 N7 E1 E14 W1D W2 NW1 NW3", 51.51, -0.13, "Europe/London", "20"),
        new("Manchester", "Greater Manchester", "ENG", UnitedKingdom, "M1 M2 M3 M4 M13 M14 M20", 53.48, -2.24, "Europe/London", "161"),
        new("Birmingham", "West Midlands", "ENG", UnitedKingdom, "B1 B2 B3 B5 B15 B29", 52.49, -1.89, "Europe/London", "121"),
        new("Leeds", "West Yorkshire", "ENG", UnitedKingdom, "LS1 LS2 LS6 LS11", 53.80, -1.55, "Europe/London", "113"),
        new("Liverpool", "Merseyside", "ENG", UnitedKingdom, "L1 L2 L3 L8 L17", 53.41, -2.98, "Europe/London", "151"),
        new("Bristol", "Bristol", "ENG", UnitedKingdom, "BS1 BS2 BS6 BS8", 51.45, -2.59, "Europe/London", "117"),
        new("Sheffield", "South Yorkshire", "ENG", UnitedKingdom, "S1 S2 S10 S11", 53.38, -1.47, "Europe/London", "114"),
        new("Newcastle upon Tyne", "Tyne and Wear", "ENG", UnitedKingdom, "NE1 NE2 NE4 NE6", 54.98, -1.61, "Europe/London", "191"),
        new("Glasgow", "Scotland", "SCT", UnitedKingdom, "G1 G2 G3 G12", 55.86, -4.25, "Europe/London", "141"),
        new("Edinburgh", "Scotland", "SCT", UnitedKingdom, "EH1 EH2 EH3 EH8", 55.95, -3.19, "Europe/London", "131"),
        new("Cardiff", "Wales", "WLS", UnitedKingdom, "CF10 CF11 CF24", 51.48, -3.18, "Europe/London", "29"),
        new("Belfast", "Northern Ireland", "NIR", UnitedKingdom, "BT1 BT2 BT7 BT9", 54.60, -5.93, "Europe/London", "28"),

        new("Berlin", "Berlin", "BE", Germany, "10115-14199", 52.52, 13.40, "Europe/Berlin", "30"),
        new("Hamburg", "Hamburg", "HH", Germany, "20095-22769", 53.55, 9.99, "Europe/Berlin", "40"),
        new("München", "Bayern", "BY", Germany, "80331-81929", 48.14, 11.58, "Europe/Berlin", "89"),
        new("Köln", "Nordrhein-Westfalen", "NW", Germany, "50667-51149", 50.94, 6.96, "Europe/Berlin", "221"),
        new("Frankfurt am Main", "Hessen", "HE", Germany, "60306-60599", 50.11, 8.68, "Europe/Berlin", "69"),
        new("Stuttgart", "Baden-Württemberg", "BW", Germany, "70173-70629", 48.78, 9.18, "Europe/Berlin", "711"),
        new("Düsseldorf", "Nordrhein-Westfalen", "NW", Germany, "40210-40629", 51.23, 6.78, "Europe/Berlin", "211"),
        new("Leipzig", "Sachsen", "SN", Germany, "04103-04357", 51.34, 12.37, "Europe/Berlin", "341"),
        new("Dresden", "Sachsen", "SN", Germany, "01067-01328", 51.05, 13.74, "Europe/Berlin", "351"),
        new("Hannover", "Niedersachsen", "NI", Germany, "30159-30669", 52.38, 9.73, "Europe/Berlin", "511"),
        new("Nürnberg", "Bayern", "BY", Germany, "90402-90491", 49.45, 11.08, "Europe/Berlin", "911"),
        new("Bremen", "Bremen", "HB", Germany, "28195-28779", 53.08, 8.80, "Europe/Berlin", "421"),
        new("Dortmund", "Nordrhein-Westfalen", "NW", Germany, "44135-44388", 51.51, 7.47, "Europe/Berlin", "231"),
        new("Essen", "Nordrhein-Westfalen", "NW", Germany, "45127-45359", 51.46, 7.01, "Europe/Berlin", "201"),

        new("Paris", "Île-de-France", "IDF", France, "75001-75020", 48.86, 2.35, "Europe/Paris", "1"),
        new("Marseille", "Provence-Alpes-Côte d'Azur", "PAC", France, "13001-13016", 43.30, 5.37, "Europe/Paris", "4"),
        new("Lyon", "Auvergne-Rhône-Alpes", "ARA", France, "69001-69009", 45.76, 4.84, "Europe/Paris", "4"),
        new("Toulouse", "Occitanie", "OCC", France, "31000-31500", 43.60, 1.44, "Europe/Paris", "5"),
        new("Nice", "Provence-Alpes-Côte d'Azur", "PAC", France, "06000-06300", 43.70, 7.27, "Europe/Paris", "4"),
        new("Nantes", "Pays de la Loire", "PDL", France, "44000-44300", 47.22, -1.55, "Europe/Paris", "2"),
        new("Strasbourg", "Grand Est", "GES", France, "67000-67200", 48.57, 7.75, "Europe/Paris", "3"),
        new("Montpellier", "Occitanie", "OCC", France, "34000-34090", 43.61, 3.88, "Europe/Paris", "4"),
        new("Bordeaux", "Nouvelle-Aquitaine", "NAQ", France, "33000-33300", 44.84, -0.58, "Europe/Paris", "5"),
        new("Lille", "Hauts-de-France", "HDF", France, "59000-59800", 50.63, 3.06, "Europe/Paris", "3"),
        new("Rennes", "Bretagne", "BRE", France, "35000-35700", 48.11, -1.68, "Europe/Paris", "2"),

        new("Madrid", "Comunidad de Madrid", "MD", Spain, "28001-28055", 40.42, -3.70, "Europe/Madrid", "91"),
        new("Barcelona", "Cataluña", "CT", Spain, "08001-08042", 41.39, 2.17, "Europe/Madrid", "93"),
        new("Valencia", "Comunidad Valenciana", "VC", Spain, "46001-46026", 39.47, -0.38, "Europe/Madrid", "96"),
        new("Sevilla", "Andalucía", "AN", Spain, "41001-41020", 37.39, -5.98, "Europe/Madrid", "95"),
        new("Zaragoza", "Aragón", "AR", Spain, "50001-50022", 41.65, -0.89, "Europe/Madrid", "976"),
        new("Málaga", "Andalucía", "AN", Spain, "29001-29018", 36.72, -4.42, "Europe/Madrid", "952"),
        new("Bilbao", "País Vasco", "PV", Spain, "48001-48015", 43.26, -2.93, "Europe/Madrid", "94"),

        new("Roma", "Lazio", "RM", Italy, "00118-00199", 41.90, 12.50, "Europe/Rome", "06"),
        new("Milano", "Lombardia", "MI", Italy, "20121-20162", 45.46, 9.19, "Europe/Rome", "02"),
        new("Napoli", "Campania", "NA", Italy, "80121-80147", 40.85, 14.27, "Europe/Rome", "081"),
        new("Torino", "Piemonte", "TO", Italy, "10121-10156", 45.07, 7.69, "Europe/Rome", "011"),
        new("Palermo", "Sicilia", "PA", Italy, "90121-90151", 38.12, 13.36, "Europe/Rome", "091"),
        new("Genova", "Liguria", "GE", Italy, "16121-16167", 44.41, 8.93, "Europe/Rome", "010"),
        new("Bologna", "Emilia-Romagna", "BO", Italy, "40121-40141", 44.49, 11.34, "Europe/Rome", "051"),
        new("Firenze", "Toscana", "FI", Italy, "50121-50145", 43.77, 11.26, "Europe/Rome", "055"),

        new("Amsterdam", "Noord-Holland", "NH", Netherlands, "1011-1109", 52.37, 4.90, "Europe/Amsterdam", "20"),
        new("Rotterdam", "Zuid-Holland", "ZH", Netherlands, "3011-3089", 51.92, 4.48, "Europe/Amsterdam", "10"),
        new("Den Haag", "Zuid-Holland", "ZH", Netherlands, "2491-2599", 52.08, 4.30, "Europe/Amsterdam", "70"),
        new("Utrecht", "Utrecht", "UT", Netherlands, "3511-3585", 52.09, 5.12, "Europe/Amsterdam", "30"),
        new("Eindhoven", "Noord-Brabant", "NB", Netherlands, "5611-5658", 51.44, 5.48, "Europe/Amsterdam", "40"),
        new("Groningen", "Groningen", "GR", Netherlands, "9711-9747", 53.22, 6.57, "Europe/Amsterdam", "50"),

        new("Toronto", "Ontario", "ON", Canada, "M5V M5H M4W M6G M5A", 43.65, -79.38, "America/Toronto", "416"),
        new("Montréal", "Québec", "QC", Canada, "H2X H3B H2T H3A", 45.50, -73.57, "America/Toronto", "514"),
        new("Vancouver", "British Columbia", "BC", Canada, "V6B V6E V5K V6H", 49.28, -123.12, "America/Vancouver", "604"),
        new("Calgary", "Alberta", "AB", Canada, "T2P T2R T3A", 51.05, -114.07, "America/Edmonton", "403"),
        new("Ottawa", "Ontario", "ON", Canada, "K1P K1N K2P", 45.42, -75.70, "America/Toronto", "613"),
        new("Edmonton", "Alberta", "AB", Canada, "T5J T5K T6E", 53.55, -113.49, "America/Edmonton", "780"),
        new("Winnipeg", "Manitoba", "MB", Canada, "R3C R3B R2M", 49.90, -97.14, "America/Winnipeg", "204"),
        new("Halifax", "Nova Scotia", "NS", Canada, "B3H B3J B3K", 44.65, -63.58, "America/Halifax", "902"),

        new("Sydney", "New South Wales", "NSW", Australia, "2000-2234", -33.87, 151.21, "Australia/Sydney", "2"),
        new("Melbourne", "Victoria", "VIC", Australia, "3000-3207", -37.81, 144.96, "Australia/Melbourne", "3"),
        new("Brisbane", "Queensland", "QLD", Australia, "4000-4179", -27.47, 153.03, "Australia/Brisbane", "7"),
        new("Perth", "Western Australia", "WA", Australia, "6000-6199", -31.95, 115.86, "Australia/Perth", "8"),
        new("Adelaide", "South Australia", "SA", Australia, "5000-5199", -34.93, 138.60, "Australia/Adelaide", "8"),
        new("Canberra", "Australian Capital Territory", "ACT", Australia, "2600-2617", -35.28, 149.13, "Australia/Sydney", "2"),
        new("Hobart", "Tasmania", "TAS", Australia, "7000-7055", -42.88, 147.33, "Australia/Hobart", "3"),

        new("São Paulo", "São Paulo", "SP", Brazil, "01000-05999", -23.55, -46.63, "America/Sao_Paulo", "11"),
        new("Rio de Janeiro", "Rio de Janeiro", "RJ", Brazil, "20000-23799", -22.91, -43.17, "America/Sao_Paulo", "21"),
        new("Brasília", "Distrito Federal", "DF", Brazil, "70000-72799", -15.79, -47.88, "America/Sao_Paulo", "61"),
        new("Salvador", "Bahia", "BA", Brazil, "40000-42599", -12.97, -38.50, "America/Bahia", "71"),
        new("Belo Horizonte", "Minas Gerais", "MG", Brazil, "30000-31999", -19.92, -43.94, "America/Sao_Paulo", "31"),
        new("Curitiba", "Paraná", "PR", Brazil, "80000-82999", -25.43, -49.27, "America/Sao_Paulo", "41"),
        new("Fortaleza", "Ceará", "CE", Brazil, "60000-61599", -3.73, -38.52, "America/Fortaleza", "85"),
        new("Recife", "Pernambuco", "PE", Brazil, "50000-52999", -8.05, -34.88, "America/Recife", "81"),
    ];

    /// <summary>The country whose cities a locale's rows mostly live in.</summary>
    public static CountryInfo HomeCountry(string locale) => locale switch
    {
        "en_GB" or "en_IE" => UnitedKingdom,
        "en_CA" or "fr_CA" => Canada,
        "en_AU" or "en_AU_ocker" => Australia,
        "pt_BR" => Brazil,
        _ => locale.Split('_')[0] switch
        {
            "de" => Germany,
            "fr" => France,
            "es" => Spain,
            "it" => Italy,
            "nl" => Netherlands,
            _ => UnitedStates,
        },
    };
}

/// <summary>The cities a locale's rows live in, weighted: three in five in the home country, bigger cities first.</summary>
internal sealed class PlaceSet
{
    private const int HomeShare = 60;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, PlaceSet> Cache = new(StringComparer.Ordinal);

    private readonly CityInfo[] _cities;
    private readonly ulong[] _cumulative;

    private PlaceSet(CountryInfo home)
    {
        Home = home;
        var homeCities = PlaceTable.Cities.Where(c => c.Country == home).ToArray();
        var abroad = PlaceTable.Cities.Where(c => c.Country != home).ToArray();
        _cities = [.. homeCities, .. abroad];
        _cumulative = new ulong[_cities.Length];

        // Weights in whole numbers: no floating point decides which city a row gets.
        var homeWeights = homeCities.Select((_, i) => (ulong)Math.Max(1, 4 - (i / 3))).ToArray();
        var homeTotal = homeWeights.Aggregate(0UL, (a, b) => a + b);
        ulong total = 0;
        for (var i = 0; i < _cities.Length; i++)
        {
            // Home cities share 60 parts in 100 by their weights, the others 40 parts evenly.
            total += i < homeCities.Length
                ? homeWeights[i] * HomeShare * (ulong)abroad.Length
                : (100 - HomeShare) * homeTotal;
            _cumulative[i] = total;
        }
    }

    public CountryInfo Home { get; }

    public static PlaceSet For(string locale) =>
        Cache.GetOrAdd(locale, l => new PlaceSet(PlaceTable.HomeCountry(l)));

    public CityInfo Pick(ref Rng rng)
    {
        var draw = rng.NextBelow(_cumulative[^1]);
        var index = Array.BinarySearch(_cumulative, draw);
        index = index < 0 ? ~index : index + 1;
        return _cities[Math.Min(index, _cities.Length - 1)];
    }
}
