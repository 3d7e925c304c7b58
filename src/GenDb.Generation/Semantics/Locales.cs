using Bogus;

namespace GenDb.Generation.Semantics;

/// <summary>The locales GenDB generates in: Bogus's data sets.</summary>
public static class Locales
{
    /// <summary>
    /// The Bogus locale for a name as people write it: <c>de_DE</c> and <c>de-DE</c> read as
    /// <c>de</c> when Bogus has no <c>de_DE</c>. False when neither the name nor its language is known.
    /// </summary>
    public static bool TryNormalize(string locale, out string name)
    {
        ArgumentNullException.ThrowIfNull(locale);
        name = locale.Trim().Replace('-', '_');
        if (name.Length > 0 && Database.LocaleResourceExists(name))
        {
            return true;
        }

        var language = name.Split('_')[0].ToLowerInvariant();
        if (language.Length > 0 && Database.LocaleResourceExists(language))
        {
            name = language;
            return true;
        }

        return false;
    }

    /// <summary>A few well-known names, for hints.</summary>
    public const string Examples = "en, en_GB, de, fr, es, it, nl, pt_BR, pl, sv, ja, zh_CN";
}
