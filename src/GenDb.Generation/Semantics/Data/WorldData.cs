namespace GenDb.Generation.Semantics.Data;

/// <summary>A country of the world list: its name, ISO 3166 codes and ISO 4217 currency.</summary>
internal sealed record WorldCountry(string Name, string Iso2, string Iso3, string Currency);

/// <summary>A language: its English name and ISO 639-1 code, and a common locale of it.</summary>
internal sealed record Language(string Name, string Code, string Locale);

/// <summary>Reference lists whose entries must agree with each other (a country's name and codes).</summary>
internal static class WorldData
{
    public static IReadOnlyList<WorldCountry> Countries { get; } =
    [
        new("Argentina", "AR", "ARG", "ARS"), new("Australia", "AU", "AUS", "AUD"), new("Austria", "AT", "AUT", "EUR"),
        new("Bangladesh", "BD", "BGD", "BDT"), new("Belgium", "BE", "BEL", "EUR"), new("Brazil", "BR", "BRA", "BRL"),
        new("Bulgaria", "BG", "BGR", "BGN"), new("Canada", "CA", "CAN", "CAD"), new("Chile", "CL", "CHL", "CLP"),
        new("China", "CN", "CHN", "CNY"), new("Colombia", "CO", "COL", "COP"), new("Croatia", "HR", "HRV", "EUR"),
        new("Czechia", "CZ", "CZE", "CZK"), new("Denmark", "DK", "DNK", "DKK"), new("Egypt", "EG", "EGY", "EGP"),
        new("Estonia", "EE", "EST", "EUR"), new("Finland", "FI", "FIN", "EUR"), new("France", "FR", "FRA", "EUR"),
        new("Germany", "DE", "DEU", "EUR"), new("Ghana", "GH", "GHA", "GHS"), new("Greece", "GR", "GRC", "EUR"),
        new("Hungary", "HU", "HUN", "HUF"), new("Iceland", "IS", "ISL", "ISK"), new("India", "IN", "IND", "INR"),
        new("Indonesia", "ID", "IDN", "IDR"), new("Ireland", "IE", "IRL", "EUR"), new("Israel", "IL", "ISR", "ILS"),
        new("Italy", "IT", "ITA", "EUR"), new("Japan", "JP", "JPN", "JPY"), new("Kenya", "KE", "KEN", "KES"),
        new("Latvia", "LV", "LVA", "EUR"), new("Lithuania", "LT", "LTU", "EUR"), new("Luxembourg", "LU", "LUX", "EUR"),
        new("Malaysia", "MY", "MYS", "MYR"), new("Mexico", "MX", "MEX", "MXN"), new("Morocco", "MA", "MAR", "MAD"),
        new("Netherlands", "NL", "NLD", "EUR"), new("New Zealand", "NZ", "NZL", "NZD"), new("Nigeria", "NG", "NGA", "NGN"),
        new("Norway", "NO", "NOR", "NOK"), new("Pakistan", "PK", "PAK", "PKR"), new("Peru", "PE", "PER", "PEN"),
        new("Philippines", "PH", "PHL", "PHP"), new("Poland", "PL", "POL", "PLN"), new("Portugal", "PT", "PRT", "EUR"),
        new("Romania", "RO", "ROU", "RON"), new("Saudi Arabia", "SA", "SAU", "SAR"), new("Serbia", "RS", "SRB", "RSD"),
        new("Singapore", "SG", "SGP", "SGD"), new("Slovakia", "SK", "SVK", "EUR"), new("Slovenia", "SI", "SVN", "EUR"),
        new("South Africa", "ZA", "ZAF", "ZAR"), new("South Korea", "KR", "KOR", "KRW"), new("Spain", "ES", "ESP", "EUR"),
        new("Sweden", "SE", "SWE", "SEK"), new("Switzerland", "CH", "CHE", "CHF"), new("Taiwan", "TW", "TWN", "TWD"),
        new("Thailand", "TH", "THA", "THB"), new("Turkey", "TR", "TUR", "TRY"), new("Ukraine", "UA", "UKR", "UAH"),
        new("United Arab Emirates", "AE", "ARE", "AED"), new("United Kingdom", "GB", "GBR", "GBP"), new("United States", "US", "USA", "USD"),
        new("Uruguay", "UY", "URY", "UYU"), new("Vietnam", "VN", "VNM", "VND"),
    ];

    public static IReadOnlyList<Language> Languages { get; } =
    [
        new("English", "en", "en_US"), new("Spanish", "es", "es_ES"), new("French", "fr", "fr_FR"), new("German", "de", "de_DE"),
        new("Italian", "it", "it_IT"), new("Portuguese", "pt", "pt_BR"), new("Dutch", "nl", "nl_NL"), new("Japanese", "ja", "ja_JP"),
        new("Mandarin", "zh", "zh_CN"), new("Korean", "ko", "ko_KR"), new("Russian", "ru", "ru_RU"), new("Arabic", "ar", "ar_SA"),
        new("Hindi", "hi", "hi_IN"), new("Polish", "pl", "pl_PL"), new("Swedish", "sv", "sv_SE"), new("Turkish", "tr", "tr_TR"),
        new("Greek", "el", "el_GR"), new("Czech", "cs", "cs_CZ"), new("Danish", "da", "da_DK"), new("Finnish", "fi", "fi_FI"),
        new("Norwegian", "no", "nb_NO"), new("Hungarian", "hu", "hu_HU"), new("Hebrew", "he", "he_IL"), new("Thai", "th", "th_TH"),
        new("Vietnamese", "vi", "vi_VN"), new("Indonesian", "id", "id_ID"), new("Ukrainian", "uk", "uk_UA"), new("Romanian", "ro", "ro_RO"),
    ];

    /// <summary>IANA time zones of the built-in cities and a few more, for rows without a place.</summary>
    public static WordList TimeZones { get; } = new(
    [
        "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Phoenix", "America/Anchorage",
        "Pacific/Honolulu", "America/Toronto", "America/Vancouver", "America/Mexico_City", "America/Sao_Paulo", "America/Bogota",
        "America/Argentina/Buenos_Aires", "Europe/London", "Europe/Dublin", "Europe/Paris", "Europe/Berlin", "Europe/Madrid",
        "Europe/Rome", "Europe/Amsterdam", "Europe/Stockholm", "Europe/Warsaw", "Europe/Athens", "Europe/Istanbul", "Europe/Kyiv",
        "Africa/Cairo", "Africa/Johannesburg", "Africa/Lagos", "Africa/Nairobi", "Asia/Dubai", "Asia/Kolkata", "Asia/Singapore",
        "Asia/Shanghai", "Asia/Tokyo", "Asia/Seoul", "Asia/Jakarta", "Australia/Sydney", "Australia/Perth", "Pacific/Auckland", "UTC",
    ]);
}
