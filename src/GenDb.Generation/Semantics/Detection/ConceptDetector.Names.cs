using System.Collections.Frozen;
using GenDb.Generation.Semantics.Columns;
using GenDb.Generation.Semantics.Data;

namespace GenDb.Generation.Semantics.Detection;

/// <summary>Text, numbers, flags and identifiers: what a column's words, table and neighbours say.</summary>
internal static partial class ConceptDetector
{
    /// <summary>Tables whose rows are people: their <c>name</c> is a full name, their <c>title</c> a job title.</summary>
    private static readonly FrozenSet<string> PersonTables = FrozenSet.Create(
        StringComparer.Ordinal,
        "customer", "client", "user", "person", "employee", "staff", "member", "author", "contact", "patient", "student",
        "teacher", "instructor", "driver", "owner", "manager", "actor", "director", "passenger", "guest", "subscriber", "buyer",
        "seller", "agent", "doctor", "nurse", "player", "athlete", "candidate", "applicant", "volunteer", "donor", "tenant",
        "landlord", "writer", "speaker", "attendee", "participant", "representative", "rep", "worker", "physician", "composer",
        "musician", "profile", "lead", "freelancer", "consultant", "traveler", "traveller", "reviewer", "recipient");

    /// <summary>Tables whose rows are organisations: their <c>name</c> is a company name.</summary>
    private static readonly FrozenSet<string> CompanyTables = FrozenSet.Create(
        StringComparer.Ordinal,
        "company", "vendor", "supplier", "manufacturer", "publisher", "organization", "organisation", "org", "firm", "business",
        "brand", "partner", "agency", "merchant", "bank", "carrier", "shipper", "studio", "label", "employer", "distributor",
        "store", "shop", "restaurant", "hotel", "venue", "branch", "warehouse", "dealer", "retailer", "insurer");

    /// <summary>Columns that hold people's names (as text), whatever the table.</summary>
    private static readonly FrozenSet<string> PersonColumns = FrozenSet.Create(
        StringComparer.Ordinal,
        "author", "writer", "director", "creator", "owner", "assignee", "reporter", "reviewer", "editor", "manager", "contact",
        "recipient", "sender", "instructor", "teacher", "doctor", "signatory", "producer", "narrator", "organizer",
        "customer", "employee", "composer", "lyricist", "translator", "illustrator");

    private static ConceptMatch? ByName(ColumnFacts f)
    {
        // Keys and references are numbered or drawn from their parents, not made up.
        if (f.Words[^1] is "id" or "pk" or "fk" or "oid" && !f.HasAny("uuid", "guid"))
        {
            return null;
        }

        var text = f.Shape.IsText;
        var number = f.Shape.IsNumber;
        var bareName = f.Words is ["name"] || f.Words.SequenceEqual(f.TableWords) || (f.Words.Length == 1 && f.Words[0] == f.TableHead);

        if (f.Shape.Kind == ValueKind.Bool || (FlagWords(f) && (number || (text && f.MaxChars is <= 1))))
        {
            return FlagWords(f) ? Flag(f) : null;
        }

        if (f.Shape.Kind == ValueKind.Uuid)
        {
            return f.HasAny("uuid", "guid") ? Found(Concept.Uuid) : null;
        }

        if (!text && !number && f.Shape.Kind != ValueKind.Enum)
        {
            return null;
        }

        return Kind(f, text, number) ?? Identity(f, text) ?? Person(f, text, number) ?? Place(f, text, number) ?? Internet(f, text)
            ?? Finance(f, text) ?? (number ? Quantity(f) : null) ?? Words(f, text, bareName) ?? Categorical(f, text, number)
            ?? (text && (bareName || f.Words[^1] == "name") ? ByTable(f) : null)
            ?? Neighbourly(f, text);
    }

    /// <summary>
    /// <c>address_type</c>, <c>phone_kind</c>, <c>email_status</c>: the last word says the column
    /// classifies rows, so the words before it (which would lead to an address, a phone number,
    /// an email) only pick the set of values.
    /// </summary>
    private static ConceptMatch? Kind(ColumnFacts f, bool text, bool number)
    {
        if (f.Words.Length < 2 || (!text && !number && f.Shape.Kind != ValueKind.Enum))
        {
            return null;
        }

        return f.Words[^1] switch
        {
            "status" => new ConceptMatch(Concept.Status, ColumnName) { Choices = ChoiceSets.ForStatus(f.Words, f.TableWords) },

            // MIME, content and media types name formats, not classes of rows.
            "type" or "kind" when !f.HasAny("mime", "content", "media", "file") =>
                new ConceptMatch(Concept.Status, ColumnName) { Choices = ChoiceSets.ForType(f.Words, f.TableWords) },
            "category" when text => Found(Concept.Category, ColumnName, GenreFlavour(f)),
            _ => null,
        };
    }

    /// <summary>Yes/no words: <c>active</c>, <c>is_deleted</c>, <c>email_verified</c>, <c>has_children</c>.</summary>
    private static readonly FrozenSet<string> FlagTerms = FrozenSet.Create(
        StringComparer.Ordinal,
        "active", "activebool", "enabled", "verified", "confirmed", "approved", "visible", "published", "subscribed", "deleted",
        "archived", "disabled", "banned", "blocked", "locked", "hidden", "suspended", "flag", "flagged", "featured", "default");

    private static bool FlagWords(ColumnFacts f) =>
        f.Words[0] is "is" or "has" or "can" or "allow" or "allows" or "opt" or "should" || FlagTerms.Contains(f.Words[^1]);

    private static ConceptMatch Flag(ColumnFacts f)
    {
        var off = f.HasAny("deleted", "archived", "disabled", "banned", "blocked", "locked", "hidden", "suspended", "spam", "test", "fraud", "flagged");
        return new ConceptMatch(Concept.Flag, ColumnName) { Choices = off ? ChoiceSets.MostlyOff : ChoiceSets.MostlyOn };
    }

    /// <summary>Words that name one thing only: email, password, IBAN, ISBN, user agent.</summary>
    private static ConceptMatch? Identity(ColumnFacts f, bool text)
    {
        if (!text)
        {
            return null;
        }

        if (f.Has("email") || (f.Has("mail") && f.Words[^1] is "mail" or "address"))
        {
            return Found(Concept.Email);
        }

        return f switch
        {
            _ when f.HasAny("password", "passwd", "pwd") || f.HasPhrase("pass", "hash") => Found(Concept.PasswordHash),
            _ when f.HasPhrase("user", "agent") => Found(Concept.UserAgent),
            _ when f.HasAny("ip", "ipv4", "ipv6") => Found(Concept.IpAddress),
            _ when f.Has("mac") => Found(Concept.MacAddress),
            _ when f.Has("iban") => Found(Concept.Iban),
            _ when f.HasAny("bic", "swift") => Found(Concept.Bic),
            _ when f.Has("isbn") => Found(Concept.Isbn),
            _ when f.Has("sku") => Found(Concept.Sku),
            _ when f.Has("slug") => Found(Concept.Slug),
            _ when f.Has("ssn") || f.HasPhrase("social", "security") => Found(Concept.Ssn),
            _ when f.HasAny("uuid", "guid") => Found(Concept.Uuid),
            _ when f.HasAny("cvv", "cvc", "csc", "cvv2") => Found(Concept.CardCode),
            _ when f.Has("card") && f.HasAny("expiry", "expiration", "exp", "expires") => Found(Concept.CardExpiry),
            _ when (f.Has("card") && f.HasAny("number", "no", "num", "pan")) || f.HasPhrase("credit", "card") || f.Has("pan") => Found(Concept.CardNumber),
            _ => null,
        };
    }

    private static ConceptMatch? Person(ColumnFacts f, bool text, bool number)
    {
        if (number)
        {
            return f.Words[^1] == "age" ? Found(Concept.Age)
                : f.Has("birth") && f.HasAny("year", "yr") ? Found(Concept.Year, ColumnName, "birth year")
                : null;
        }

        if (!text)
        {
            return null;
        }

        var nameWord = f.Words[^1] is "name" or "names";
        return f switch
        {
            _ when f.HasPhrase("user", "name") || f.HasAny("login", "handle", "nickname", "nick") || f.HasPhrase("screen", "name") => Found(Concept.Username),
            _ when f.HasPhrase("first", "name") || f.HasPhrase("given", "name") || f.HasAny("forename", "firstname", "fname") => Found(Concept.FirstName),
            _ when f.HasPhrase("middle", "name") || f.Has("middle") && nameWord => Found(Concept.MiddleName),
            _ when f.HasPhrase("last", "name") || f.HasPhrase("family", "name") || f.HasPhrase("maiden", "name") || f.HasAny("surname", "lname") => Found(Concept.LastName),
            _ when nameWord && f.HasAny("full", "display", "person", "contact", "customer", "employee", "owner", "author", "holder",
                "cardholder", "manager", "recipient", "sender", "member", "client", "patient", "student", "teacher", "passenger", "guest") => Found(Concept.FullName),
            _ when f.HasAny("salutation", "honorific") || (f.Words is ["prefix"] or ["title", "prefix"] && PersonTables.Contains(f.TableHead)) => Found(Concept.Salutation),
            _ when f.HasAny("gender", "sex") => Found(Concept.Gender),
            _ when f.HasPhrase("job", "title") || f.HasAny("occupation", "profession", "designation", "jobtitle")
                || (f.Words[^1] is "title" or "position" && (PersonTables.Contains(f.TableHead) || f.TableIs("job", "position", "vacancy", "opening"))) => Found(Concept.JobTitle),
            _ when f.HasAny("department", "dept", "division") => Found(Concept.Department),
            _ when f.HasAny("composer", "composers", "authors", "writers", "lyricist", "songwriter") => Found(Concept.PersonNames),
            _ when f.Words is [var only] && PersonColumns.Contains(only) => Found(Concept.FullName),
            _ => null,
        };
    }

    private static ConceptMatch? Place(ColumnFacts f, bool text, bool number)
    {
        if (f.HasAny("latitude", "lat"))
        {
            return number || text ? Found(Concept.Latitude) : null;
        }

        if (f.HasAny("longitude", "lng", "lon") || (f.Has("long") && f.NeighbourHas("lat", "latitude")))
        {
            return number || text ? Found(Concept.Longitude) : null;
        }

        if (!text)
        {
            return null;
        }

        var code = f.HasAny("code", "iso", "iso2", "iso3", "alpha2", "alpha3", "abbr", "abbrev", "abbreviation") || f.MaxChars is <= 3;
        var placeContext = f.NeighbourHas("city", "country", "zip", "postal", "address", "street", "town") || RoleOf(f).Length > 0
            || f.TableIs("address", "location", "place", "site", "office", "branch", "store", "warehouse");
        return f switch
        {
            _ when f.HasAny("phone", "telephone", "tel", "mobile", "cell", "fax", "msisdn", "cellphone") => Found(Concept.Phone),
            _ when f.HasAny("zip", "postal", "postcode", "zipcode") || f.HasPhrase("post", "code") => Found(Concept.PostalCode),
            _ when f.Has("country") && code => Found(Concept.CountryCode),
            _ when f.Has("currency") => Found(Concept.CurrencyCode),
            _ when f.HasPhrase("time", "zone") || f.HasAny("tz", "timezone") => Found(Concept.TimeZone),
            _ when f.Has("locale") => Found(Concept.Locale),
            _ when f.HasAny("language", "lang") && (code || f.MaxChars is <= 5) => Found(Concept.LanguageCode),
            _ when f.HasAny("language", "lang") => Found(Concept.LanguageName),
            _ when f.HasAny("city", "town", "locality", "municipality") => Found(Concept.City, f.TableIs("city", "town") ? $"table {f.TableName}" : ColumnName),
            _ when f.HasAny("province", "region", "county", "district", "prefecture", "territory", "canton")
                || (f.Has("state") && (placeContext || code && !f.NeighbourHas("status"))) => Found(code ? Concept.RegionCode : Concept.Region),
            _ when f.HasAny("country", "nation", "nationality") =>
                Found(Concept.Country, f.TableIs("country", "nation") ? $"table {f.TableName}" : ColumnName, f.TableIs("country", "nation") ? "world" : null),
            _ when f.HasAny("street", "addr", "address", "address1") && !f.HasAny("web", "url", "email", "ip", "mac") =>
                f.Words.Any(w => w is "2" or "3" or "address2" or "line2") || f.HasAny("apt", "suite", "unit", "apartment", "secondary")
                    ? Found(Concept.SecondaryAddress)
                    : Found(Concept.StreetAddress),
            _ when f.HasAny("apt", "suite", "apartment") => Found(Concept.SecondaryAddress),
            _ => null,
        };
    }

    private static ConceptMatch? Internet(ColumnFacts f, bool text)
    {
        if (!text)
        {
            return null;
        }

        return f switch
        {
            _ when f.HasAny("url", "uri", "link", "href", "website", "homepage") || f.HasPhrase("home", "page") || f.HasPhrase("web", "page") =>
                Found(Concept.Url, ColumnName, f.HasAny("image", "avatar", "photo", "picture", "thumbnail", "logo", "icon", "img") ? "image"
                    : f.HasAny("website", "homepage") || f.HasPhrase("home", "page") ? "home" : null),
            _ when f.HasAny("hostname", "host", "fqdn") || f.HasPhrase("server", "name") => Found(Concept.Hostname),
            _ when f.Has("domain") => Found(Concept.Domain),
            _ when f.HasAny("mime", "mimetype") || f.HasPhrase("content", "type") => Found(Concept.MimeType),
            _ when (f.Has("file") && f.Words[^1] is "name" or "path" or "file") || f.HasAny("filename", "attachment") || f.Words is ["path"] => Found(Concept.FileName),
            _ when f.HasAny("token", "secret", "checksum", "digest", "salt", "nonce", "hash", "fingerprint") || f.HasPhrase("api", "key") => Found(Concept.SecretToken),
            _ => null,
        };
    }

    private static ConceptMatch? Finance(ColumnFacts f, bool text)
    {
        if (!text)
        {
            return null;
        }

        if (f.HasAny("reference", "ref", "confirmation", "tracking", "receipt") || (f.HasAny("invoice", "order", "booking", "ticket") && f.HasAny("number", "no", "num")))
        {
            return Found(Concept.ReferenceNumber);
        }

        if (f.HasAny("version", "release") && !f.HasAny("date", "notes"))
        {
            return Found(Concept.Version);
        }

        if (f.Words[^1] == "code" || f.Words is ["coupon"] or ["voucher"] or ["promo"])
        {
            return f switch
            {
                _ when f.TableIs("country") => Found(Concept.CountryCode, $"table {f.TableName}, column name"),
                _ when f.TableIs("currency") => Found(Concept.CurrencyCode, $"table {f.TableName}, column name"),
                _ when f.TableIs("language") => Found(Concept.LanguageCode, $"table {f.TableName}, column name"),
                _ when f.HasAny("color", "colour") => Found(Concept.Color, ColumnName, "hex"),
                _ => Found(Concept.Code),
            };
        }

        return null;
    }

    /// <summary>Numbers: money, counts, measures, durations.</summary>
    private static ConceptMatch? Quantity(ColumnFacts f)
    {
        var last = f.Words[^1];
        var rateAsPercent = f.HasAny("tax", "interest", "vat", "discount", "commission", "conversion", "growth", "success", "error",
            "bounce", "churn", "completion", "utilization", "fill");
        return f switch
        {
            _ when f.HasAny("salary", "wage", "wages", "income", "compensation", "payroll") => Found(Concept.Salary),
            _ when f.HasAny("percent", "percentage", "pct", "ratio", "probability", "share", "progress", "utilization")
                || (f.HasAny("rate", "discount") && rateAsPercent && !f.HasAny("amount", "total", "value")) =>
                Found(Concept.Percentage, ColumnName, RateKind(f) ?? (f.HasAny("ratio", "probability", "share") ? "ratio" : null)),
            _ when f.HasAny("price", "cost", "msrp", "fare", "tariff", "rate", "fee") => Found(Concept.Price),
            _ when f.HasAny("amount", "total", "subtotal", "sum", "balance", "charge", "payment", "revenue", "tax", "tip", "deposit",
                "budget", "spend", "spent", "paid", "refund", "credit", "debit", "value", "turnover", "profit", "discount") => Found(Concept.Amount),
            _ when f.HasAny("stock", "inventory", "available", "onhand") => Found(Concept.Quantity, ColumnName, "stock"),
            _ when f.HasAny("quantity", "qty", "units") => Found(Concept.Quantity),
            _ when f.HasAny("rating", "stars") => Found(Concept.Rating),
            _ when f.HasAny("score", "points", "karma") => Found(Concept.Score),
            _ when f.HasAny("year", "yr") => Found(Concept.Year, ColumnName, f.HasAny("release", "released", "publication", "published", "production") ? "release" : null),
            _ when DurationUnit(f) is { } unit => Found(Concept.Duration, ColumnName, unit),
            _ when f.HasAny("bytes", "filesize") || (f.Has("size") && (f.Has("file") || f.NeighbourHas("file", "filename", "mime", "path"))) =>
                Found(Concept.FileSize, ColumnName, f.NeighbourHas("milliseconds", "duration", "ms", "seconds") ? "media" : null),
            _ when f.HasAny("count", "views", "likes", "clicks", "visits", "downloads", "followers", "votes", "hits", "plays", "shares",
                "comments", "impressions", "attempts", "retries", "num") || f.HasPhrase("number", "of") => Found(Concept.Count),
            _ when f.HasAny("weight", "mass", "kg", "grams", "lbs") => Found(Concept.Weight),
            _ when f.Has("height") => Found(Concept.Height),
            _ when f.HasAny("width", "depth", "length", "distance", "area", "size", "volume", "capacity", "radius", "diameter") => Found(Concept.Measure),
            _ when f.HasAny("position", "sort", "ordinal", "sequence", "seq", "rank", "ranking") || last is "order" or "index" => Found(Concept.SortOrder),
            _ => null,
        };
    }

    /// <summary>Rates that money is charged or taken at, whose usual values are well known: null for other percentages.</summary>
    private static string? RateKind(ColumnFacts f) => f switch
    {
        _ when f.HasAny("tax", "vat", "gst") => "tax rate",
        _ when f.HasAny("interest", "apr", "apy") => "interest rate",
        _ when f.HasAny("commission") => "commission rate",
        _ when f.HasAny("discount", "rebate") => "discount",
        _ => null,
    };

    /// <summary>The unit a duration column counts in, or null when it is not a duration.</summary>
    private static string? DurationUnit(ColumnFacts f)
    {
        var media = f.TableIs("film", "movie", "episode", "video", "show", "track", "song", "recording", "podcast", "clip");
        var named = f.HasAny("duration", "runtime", "elapsed", "length", "time", "latency", "took", "lasted");
        return f switch
        {
            _ when f.HasAny("milliseconds", "millis", "ms", "msec") => "milliseconds",
            _ when f.HasAny("seconds", "secs", "sec") || (named && f.Has("s")) => "seconds",
            _ when f.HasAny("minutes", "mins", "min") => "minutes",
            _ when f.HasAny("hours", "hrs", "hr") => "hours",
            _ when f.HasAny("days") => "days",
            _ when f.HasAny("duration", "period", "term") && f.HasAny("rental", "loan", "lease", "stay", "booking", "subscription", "trial", "hire") => "days",
            _ when f.HasAny("rental", "loan", "lease", "stay") && f.TableIs("rental", "loan", "lease", "booking", "reservation") && named => "days",
            _ when media && f.HasAny("length", "runtime", "duration") => f.TableIs("track", "song", "recording", "clip") ? "seconds" : "minutes",
            _ when f.HasAny("duration", "runtime", "elapsed", "latency") => "minutes",
            _ => null,
        };
    }

    /// <summary>Text whose words say what it is: titles, prose, colours, genres, tags.</summary>
    private static ConceptMatch? Words(ColumnFacts f, bool text, bool bareName)
    {
        if (!text)
        {
            return null;
        }

        var last = f.Words[^1];
        var prose = ProseFlavour(f);
        if (prose is not null)
        {
            return Found(Concept.Prose, ColumnName, prose);
        }

        return f switch
        {
            _ when last is "title" or "headline" or "subject" || f.Words is ["caption"] => Found(Concept.Title, ColumnName, TitleFlavour(f)),
            _ when f.HasAny("color", "colour") => Found(Concept.Color, ColumnName, f.HasAny("hex", "rgb") || f.MaxChars is 6 or 7 ? "hex" : null),
            _ when f.Has("genre") => Found(Concept.Genre, ColumnName, GenreFlavour(f)),
            _ when f.HasAny("tag", "tags", "keyword", "keywords", "topic", "label", "hashtag") && !bareName => Found(Concept.Tag),
            _ when f.HasPhrase("product", "name") || f.HasPhrase("item", "name") => Found(Concept.ProductName),
            _ when f.HasPhrase("company", "name") || f.HasAny("company", "organization", "organisation", "employer", "vendor", "supplier",
                "publisher", "brand", "firm", "agency", "manufacturer", "carrier", "bank", "merchant", "business", "org") && !f.HasAny("id", "code", "type") =>
                f.HasAny("manufacturer", "make") && f.TableIs("vehicle", "car", "truck", "bike", "motorcycle") ? Found(Concept.VehicleMake) : Found(Concept.Company),
            _ when f.HasAny("make") && f.TableIs("vehicle", "car", "truck", "motorcycle") => Found(Concept.VehicleMake),
            _ when f.Has("model") && f.TableIs("vehicle", "car", "truck", "motorcycle") => Found(Concept.VehicleModel),
            _ when f.HasAny("artist", "band", "performer", "musician") => Found(Concept.ArtistName),
            _ when f.Has("playlist") => Found(Concept.PlaylistName),
            _ when f.HasPhrase("media", "type") || f.Has("format") && f.Hints.Music => Found(Concept.MediaFormat),
            _ when f.Has("category") && !f.HasAny("id", "code") => Found(Concept.Category, ColumnName, GenreFlavour(f)),
            _ when f.HasAny("industry", "sector", "vertical") => Found(Concept.Industry),
            _ => null,
        };
    }

    /// <summary>
    /// The register of a prose column, one per column: a note to colleagues, a reader's comment,
    /// a customer's review, an article, a bio or a description. Bodies (<c>body</c>,
    /// <c>content</c>, <c>text</c>) take the register of the word before them (<c>review_text</c>)
    /// or of their table (<c>comments.body</c>, <c>posts.body</c>).
    /// </summary>
    private static string? ProseFlavour(ColumnFacts f)
    {
        var flavour = ProseWord(f, f.Words[^1]);
        if (flavour != "body")
        {
            return flavour;
        }

        return (f.Words.Length > 1 ? ProseWord(f, f.Words[^2]) : null) switch
        {
            { } before and not "body" => before,
            _ => f switch
            {
                _ when f.TableIs("comment", "reply", "message", "chat", "discussion", "thread", "forum", "question", "answer") => "comment",
                _ when f.TableIs("review", "feedback", "testimonial", "rating") => "review",
                _ when f.TableIs("note", "memo", "journal", "log", "ticket", "task", "incident", "case", "activity", "interaction", "call") => "note",
                _ => "article",
            },
        };
    }

    /// <summary>The register one word asks for; <c>body</c> where the table must decide.</summary>
    private static string? ProseWord(ColumnFacts f, string word) => word switch
    {
        "description" or "desc" or "summary" or "abstract" or "overview" or "synopsis" or "plot" or "excerpt" or "blurb" =>
            f.TableIs("product", "item", "sku", "listing", "offer") || f.Hints.Commerce && !f.Hints.Film ? "product description" : "description",
        "bio" or "biography" or "about" or "profile" => "bio",

        // Readers comment on posts, photos and videos; elsewhere (an order, a customer) a comment is a note to staff.
        "comment" or "comments" or "reply" when f.TableIs("post", "article", "blog", "news", "story", "video", "photo", "comment", "reply", "thread", "forum", "entry") => "comment",
        "question" or "answer" => "comment",
        "review" or "reviews" or "feedback" or "testimonial" => "review",
        "comment" or "comments" or "reply" or "note" or "notes" or "remark" or "remarks" or "memo" or "reason" or "message" or "instructions"
            or "explanation" or "details" => f.TableIs("message", "chat", "thread", "conversation") ? "comment" : "note",
        "body" or "content" or "text" => "body",
        "article" or "story" or "post" => "article",
        _ => null,
    };

    private static string TitleFlavour(ColumnFacts f) => f switch
    {
        _ when f.TableIs("album", "record", "release", "ep") => "album",
        _ when f.TableIs("film", "movie", "episode", "show", "series", "video") => "film",
        _ when f.TableIs("track", "song", "recording") => "song",
        _ when f.TableIs("book", "novel", "publication", "edition") => "book",
        _ when f.TableIs("post", "article", "blog", "news", "story", "page", "entry") => "headline",
        _ when f.TableIs("task", "ticket", "issue", "todo", "bug", "incident", "request", "story") => "task",
        _ when f.Hints.Film && !f.Hints.Music => "film",
        _ when f.Hints.Music && !f.Hints.Film => "album",
        _ => "generic",
    };

    private static string GenreFlavour(ColumnFacts f) => f switch
    {
        _ when f.Hints.Music && !f.Hints.Film => "music",
        _ when f.Hints.Film => "film",
        _ => "product",
    };

    private static ConceptMatch? Categorical(ColumnFacts f, bool text, bool number)
    {
        if (!text && !number && f.Shape.Kind != ValueKind.Enum)
        {
            return null;
        }

        var last = f.Words[^1];
        if (last is "status" or "state" or "stage" or "phase" || f.Has("status"))
        {
            return new ConceptMatch(Concept.Status, ColumnName) { Choices = ChoiceSets.ForStatus(f.Words, f.TableWords) };
        }

        if (last is "type" or "kind" or "class" or "tier" or "plan" or "level" or "priority" or "severity" or "role" or "method"
            or "channel" or "source" or "segment" or "frequency" or "mode" || (last == "size" && text))
        {
            return new ConceptMatch(Concept.Status, ColumnName) { Choices = ChoiceSets.ForType(f.Words, f.TableWords) };
        }

        return null;
    }

    /// <summary>A bare <c>name</c> (or <c>city.city</c>): what a row of the table is decides.</summary>
    private static ConceptMatch? ByTable(ColumnFacts f)
    {
        var evidence = f.Words is ["name"] ? $"table {f.TableName}, column name" : $"table {f.TableName}";
        var head = f.TableHead;
        if (f.Words.Length > 1 && f.Words[^1] == "name")
        {
            // product_name, artist_name: the word before "name" decides, as a table name would.
            head = NameWords.Singular(f.Words[^2]);
            evidence = ColumnName;
        }

        return head switch
        {
            _ when PersonTables.Contains(head) => Found(Concept.FullName, evidence),
            _ when CompanyTables.Contains(head) => Found(Concept.Company, evidence),
            "city" or "town" => Found(Concept.City, evidence),
            "country" or "nation" => Found(Concept.Country, evidence, "world"),
            "state" or "region" or "province" or "county" => Found(Concept.Region, evidence),
            "artist" or "band" or "performer" or "musician" => Found(Concept.ArtistName, evidence),

            // Groups of people (a club, a team, a user group) are not bands: "The Forgotten Kings" reads as one.
            "group" or "team" or "club" or "community" or "committee" or "squad" or "crew" or "guild" or "society" or "circle"
                => Found(Concept.GroupName, evidence, head is "team" or "squad" or "crew" ? "team" : "club"),
            "album" or "film" or "movie" or "book" or "song" or "track" or "episode" or "show" or "series" or "game" or "course"
                or "project" or "event" or "campaign" or "recording" => Found(Concept.Title, evidence, TitleFlavour(f)),
            "genre" => Found(Concept.Genre, evidence, GenreFlavour(f)),
            "category" or "subcategory" or "section" or "collection" => Found(Concept.Category, evidence, GenreFlavour(f)),
            "tag" or "label" or "keyword" or "topic" or "skill" or "interest" or "hobby" => Found(Concept.Tag, evidence),
            "language" => Found(Concept.LanguageName, evidence),
            "department" or "division" or "unit" => Found(Concept.Department, evidence),
            "product" or "item" or "good" or "article" or "merchandise" or "sku" or "offer" => Found(Concept.ProductName, evidence),
            "playlist" => Found(Concept.PlaylistName, evidence),
            "format" => Found(Concept.MediaFormat, evidence),
            "type" when f.TableHasWord("media") => Found(Concept.MediaFormat, evidence),
            "industry" or "sector" => Found(Concept.Industry, evidence),
            "role" or "permission" => new ConceptMatch(Concept.Status, evidence) { Choices = ChoiceSets.Role },
            "status" => new ConceptMatch(Concept.Status, evidence) { Choices = ChoiceSets.AccountStatus },
            "color" or "colour" => Found(Concept.Color, evidence),
            "vehicle" or "car" or "model" => Found(Concept.VehicleModel, evidence),
            "make" => Found(Concept.VehicleMake, evidence),
            "file" or "document" or "attachment" or "image" or "photo" or "asset" or "upload" => Found(Concept.FileName, evidence),
            "host" or "server" or "machine" or "node" or "device" => Found(Concept.Hostname, evidence),
            _ => null,
        };
    }

    /// <summary>A <c>name</c> beside an email or a birth date names a person.</summary>
    private static ConceptMatch? Neighbourly(ColumnFacts f, bool text)
    {
        if (!text || f.Words[^1] != "name")
        {
            return null;
        }

        foreach (var signal in new[] { "email", "phone", "birth", "gender", "dob", "salary", "surname" })
        {
            if (f.NeighbourHas(signal))
            {
                return Found(Concept.FullName, $"neighbours: {signal}");
            }
        }

        return Found(Concept.Label, $"table {f.TableName}, column name");
    }
}
