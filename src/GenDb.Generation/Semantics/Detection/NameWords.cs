using System.Collections.Frozen;
using System.Text;

namespace GenDb.Generation.Semantics.Detection;

/// <summary>
/// The words of an identifier, lowercase: <c>BillingPostalCode</c>, <c>billing_postal_code</c> and
/// <c>billingPostalCode</c> all read as <c>billing postal code</c>; common run-together names
/// (<c>zipcode</c>, <c>firstname</c>) are split too.
/// </summary>
internal static class NameWords
{
    /// <summary>Letters and digits that belong together (<c>ipv4</c>, not <c>ipv</c> and <c>4</c>).</summary>
    private static readonly FrozenSet<string> Joined = FrozenSet.Create(
        StringComparer.Ordinal,
        "ipv4", "ipv6", "md5", "sha1", "sha256", "sha512", "iso2", "iso3", "alpha2", "alpha3", "utf8", "base64", "mp3", "mp4", "x509", "2fa", "3d");

    private static readonly FrozenDictionary<string, string[]> Compounds = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["firstname"] = ["first", "name"],
        ["lastname"] = ["last", "name"],
        ["middlename"] = ["middle", "name"],
        ["fullname"] = ["full", "name"],
        ["givenname"] = ["given", "name"],
        ["familyname"] = ["family", "name"],
        ["displayname"] = ["display", "name"],
        ["username"] = ["user", "name"],
        ["screenname"] = ["screen", "name"],
        ["companyname"] = ["company", "name"],
        ["productname"] = ["product", "name"],
        ["birthdate"] = ["birth", "date"],
        ["dateofbirth"] = ["birth", "date"],
        ["zipcode"] = ["zip", "code"],
        ["postcode"] = ["postal", "code"],
        ["postalcode"] = ["postal", "code"],
        ["phonenumber"] = ["phone", "number"],
        ["emailaddress"] = ["email", "address"],
        ["ipaddress"] = ["ip", "address"],
        ["macaddress"] = ["mac", "address"],
        ["useragent"] = ["user", "agent"],
        ["filename"] = ["file", "name"],
        ["filesize"] = ["file", "size"],
        ["filepath"] = ["file", "path"],
        ["mimetype"] = ["mime", "type"],
        ["contenttype"] = ["content", "type"],
        ["countrycode"] = ["country", "code"],
        ["currencycode"] = ["currency", "code"],
        ["languagecode"] = ["language", "code"],
        ["timezone"] = ["time", "zone"],
        ["lastlogin"] = ["last", "login"],
        ["lastupdate"] = ["last", "update"],
        ["lastupdated"] = ["last", "updated"],
        ["lastmodified"] = ["last", "modified"],
        ["createdat"] = ["created", "at"],
        ["updatedat"] = ["updated", "at"],
        ["deletedat"] = ["deleted", "at"],
        ["createdon"] = ["created", "on"],
        ["modifiedon"] = ["modified", "on"],
        ["createdate"] = ["create", "date"],
        ["hiredate"] = ["hire", "date"],
        ["startdate"] = ["start", "date"],
        ["enddate"] = ["end", "date"],
        ["duedate"] = ["due", "date"],
        ["unitprice"] = ["unit", "price"],
        ["jobtitle"] = ["job", "title"],
        ["streetaddress"] = ["street", "address"],
        ["addressline"] = ["address", "line"],
        ["cardnumber"] = ["card", "number"],
        ["creditcard"] = ["credit", "card"],
        ["expirydate"] = ["expiry", "date"],
        ["passwordhash"] = ["password", "hash"],
        ["apikey"] = ["api", "key"],
        ["homepage"] = ["home", "page"],
        ["webpage"] = ["web", "page"],
        ["weburl"] = ["web", "url"],
        ["websiteurl"] = ["website", "url"],
        ["datetime"] = ["date", "time"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The words of <paramref name="identifier"/>, lowercase, in order.</summary>
    public static string[] Split(string identifier)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < identifier.Length; i++)
        {
            var c = identifier[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush(words, current);
                continue;
            }

            if (current.Length > 0 && IsBoundary(identifier, i))
            {
                Flush(words, current);
            }

            current.Append(char.ToLowerInvariant(c));
        }

        Flush(words, current);
        return [.. JoinEmail(words)];
    }

    /// <summary>A plural English noun as its singular: <c>cities</c> → <c>city</c>, <c>addresses</c> → <c>address</c>.</summary>
    public static string Singular(string word)
    {
        if (word.Length < 4)
        {
            return word;
        }

        return word switch
        {
            "people" => "person",
            "children" => "child",
            "men" or "women" => word[..^2] + "an",
            "series" or "species" or "news" or "status" or "address" or "analysis" or "bus" or "campus" or "alias" => word,
            "movies" or "cookies" or "calories" or "pies" or "zombies" => word[..^1],
            "statuses" or "addresses" or "aliases" or "buses" or "campuses" => word[..^2],
            _ when word.EndsWith("ies", StringComparison.Ordinal) => word[..^3] + "y",
            _ when word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal)
                || word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal) => word[..^2],
            _ when word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal)
                && !word.EndsWith("us", StringComparison.Ordinal) && !word.EndsWith("is", StringComparison.Ordinal) => word[..^1],
            _ => word,
        };
    }

    private static bool IsBoundary(string identifier, int i)
    {
        var c = identifier[i];
        var previous = identifier[i - 1];
        if (char.IsDigit(c) != char.IsDigit(previous))
        {
            // address2 → address 2, but ipv4 stays one word.
            return !Joined.Contains(Token(identifier, i));
        }

        if (char.IsUpper(c) && char.IsLower(previous))
        {
            return true;
        }

        // IPAddress → IP Address: the last capital of a run starts the next word.
        return char.IsUpper(c) && char.IsUpper(previous) && i + 1 < identifier.Length && char.IsLower(identifier[i + 1]);
    }

    /// <summary>
    /// The run before position <paramref name="i"/> and the run of the other kind from it
    /// (letters then digits, or digits then letters), lowercase: <c>ipv</c> + <c>4</c>.
    /// </summary>
    private static string Token(string identifier, int i)
    {
        var digitsFirst = char.IsDigit(identifier[i - 1]);
        var start = i - 1;
        while (start > 0 && char.IsDigit(identifier[start - 1]) == digitsFirst && char.IsLetterOrDigit(identifier[start - 1])
            && !(char.IsUpper(identifier[start]) && char.IsLower(identifier[start - 1])))
        {
            start--;
        }

        var end = i;
        while (end < identifier.Length && char.IsLetterOrDigit(identifier[end]) && char.IsDigit(identifier[end]) != digitsFirst)
        {
            end++;
        }

        return identifier[start..end].ToLowerInvariant();
    }

    private static void Flush(List<string> words, StringBuilder current)
    {
        if (current.Length == 0)
        {
            return;
        }

        var word = current.ToString();
        current.Clear();
        if (Compounds.TryGetValue(word, out var parts))
        {
            words.AddRange(parts);
        }
        else
        {
            words.Add(word);
        }
    }

    /// <summary><c>e_mail</c> and <c>EMail</c> are one word.</summary>
    private static List<string> JoinEmail(List<string> words)
    {
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (words[i] == "e" && words[i + 1] == "mail")
            {
                words[i] = "email";
                words.RemoveAt(i + 1);
            }
        }

        return words;
    }
}
