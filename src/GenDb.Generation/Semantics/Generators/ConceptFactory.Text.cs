using GenDb.Generation.Semantics.Columns;
using GenDb.Generation.Semantics.Data;
using GenDb.Generation.Semantics.Detection;
using GenDb.Generation.Values;

namespace GenDb.Generation.Semantics.Generators;

/// <summary>Words, prose, identifiers, internet things and few-valued columns.</summary>
internal sealed partial class ConceptFactory
{
    private IValueGenerator? Words(ConceptMatch d)
    {
        var max = _f.MaxChars;
        switch (d.Concept)
        {
            case Concept.Title:
                return Text(new TitleGenerator(d.Variant ?? "generic"), 4, numbered: true);
            case Concept.Slug:
                return !IsText ? null
                    : Unique ? (max is null or >= 64 ? new SlugGenerator(unique: true) : null)
                    : Text(new SlugGenerator(unique: false), 8);
            case Concept.Prose:
                return IsText && !(max < 10) && _f.MinChars <= (max ?? int.MaxValue)
                    ? new ProseGenerator(ProseRegister(d.Variant ?? "description"), _data, PlaceSet.For(_data.Locale), _f.MinChars, max ?? 10_000)
                    : null;
            case Concept.Label:
                return Text(new LabelGenerator(), 3, numbered: true);
            case Concept.Tag:
                return Text(new PickGenerator(Lexicon.Tags), 3, numbered: true);
            case Concept.Color:
                return d.Variant == "hex" && IsText && !(max < 6)
                    ? new ColorGenerator(_data, hex: true, hash: max != 6)
                    : Text(new ColorGenerator(_data, hex: false, hash: false), 3);
            case Concept.ProductName:
                return Text(new ProductNameGenerator(_data), 5, numbered: true);
            case Concept.Genre or Concept.Category:
                var list = d.Variant switch
                {
                    "music" => Lexicon.MusicGenres,
                    "film" => Lexicon.FilmGenres,
                    _ => _data.CommerceDepartments,
                };

                // A lookup table lists each genre once or so; a column of other rows favours a few.
                var lookup = _f.TableIs("genre", "category", "subcategory", "section", "collection");
                return Text(lookup ? new PickGenerator(list) : Skewed(list), 3, numbered: true);
            case Concept.LanguageName or Concept.LanguageCode or Concept.Locale:
                Func<Language, string> part = d.Concept switch
                {
                    Concept.LanguageName => l => l.Name,
                    Concept.Locale => l => max is < 5 ? l.Code : l.Locale,
                    _ => l => max is >= 5 && _f.Has("locale") ? l.Locale : l.Code,
                };
                return Text(new RowPickGenerator(Key("language", d.Role), WorldData.Languages.Count, i => part(WorldData.Languages[i])), 2, numbered: d.Concept == Concept.LanguageName);
            case Concept.ArtistName:
                return Text(new ArtistNameGenerator(_data), 4, numbered: true);
            case Concept.GroupName:
                return Text(new GroupNameGenerator(PlaceSet.For(_data.Locale), team: d.Variant == "team"), 4, numbered: true);
            case Concept.PlaylistName:
                return Text(new PlaylistNameGenerator(), 4, numbered: true);
            case Concept.MediaFormat:
                return Text(new PickGenerator(Lexicon.MediaFormats), 4, numbered: true);
            case Concept.FileName:
                return !IsText || max < 12 ? null
                    : Unique ? (max is null or >= 40 ? new FileGenerator(Key("file", d.Role), FilePart.Name, unique: true) : null)
                    : Text(new FileGenerator(Key("file", d.Role), FilePart.Name, unique: false), 12);
            case Concept.MimeType:
                return Text(new FileGenerator(Key("file", d.Role), FilePart.Mime, unique: false), 8);
            case Concept.VehicleMake:
                return Text(new PickGenerator(_data.VehicleMakes), 3);
            case Concept.VehicleModel:
                return Text(new PickGenerator(_data.VehicleModels), 2);
            case Concept.Industry:
                return Text(_f.TableIs("industry", "sector") ? new PickGenerator(Lexicon.Industries) : Skewed(Lexicon.Industries), 4, numbered: true);
            default:
                return null;
        }
    }

    private IValueGenerator? Internet(ConceptMatch d)
    {
        var max = _f.MaxChars;
        var companies = Companies(d.Role);
        return d.Concept switch
        {
            Concept.Company => Text(new CompanyGenerator(companies, CompanyPart.Name), 3, numbered: true),
            Concept.Url when IsText && max is null or >= 40 => new UrlGenerator(companies, d.Variant, Unique),
            Concept.Domain => Text(new CompanyGenerator(companies, CompanyPart.Domain), 8),
            Concept.Hostname when IsText && max is null or >= 40 => new HostnameGenerator(companies, Unique),
            Concept.IpAddress when Shape.Kind == ValueKind.Inet || IsText && max is null or >= 15 => new IpAddressGenerator(),
            Concept.MacAddress when Shape.Kind == ValueKind.MacAddress || IsText && max is null or >= 17 => new MacAddressGenerator(),
            Concept.UserAgent => Text(new PickGenerator(_data.UserAgents), 20),
            Concept.Uuid when Shape.Kind == ValueKind.Uuid || IsText && max is null or >= 36 => new UuidTextGenerator(Key("uuid", d.Role), Unique),
            Concept.SecretToken when IsText && !(max < (Unique ? TokenGenerator.MinimumUniqueLength : 8)) =>
                new TokenGenerator(Key("token", d.Role), Math.Min(max ?? 64, 64), Unique),
            _ => null,
        };
    }

    private IValueGenerator? Identifier(ConceptMatch d)
    {
        var max = _f.MaxChars;
        if (d.Concept == Concept.CardExpiry)
        {
            return Shape.Kind == ValueKind.Date || IsText && !(max < 5) ? new CardExpiryGenerator(Timeline(), Shape.Kind) : null;
        }

        if (!IsText)
        {
            return null;
        }

        var places = PlaceContext() ? Places(d.Role) : null;
        return d.Concept switch
        {
            Concept.Iban when !(max < 22) => new IbanGenerator(places, Key("iban", d.Role), Unique, _f.MinChars, max ?? int.MaxValue),
            Concept.Bic when !(max < 8) => new BicGenerator(places, branch: max is null or >= 11),
            Concept.CardNumber when !(max < 16) => new CardNumberGenerator(Key("card", d.Role), Unique),
            Concept.CardCode when !(max < 3) => new CodeDigitsGenerator(3),
            Concept.Sku when !(max < (Unique ? 12 : 9)) => new SkuGenerator(Key("sku", d.Role), Unique),
            Concept.Isbn when !(max < 13) => new IsbnGenerator(Key("isbn", d.Role), Unique),
            Concept.Ssn when !(max < 9) => new SsnGenerator(dashes: max is null or >= 11),
            Concept.ReferenceNumber when !(max < 10) => new ReferenceNumberGenerator(ReferencePrefix(), Timeline(), Unique, max ?? 64),
            Concept.Code when !(max < (Unique ? 5 : 3)) => new CodeGenerator(Key("code", d.Role), Math.Min(max ?? 8, 12), Unique),
            Concept.Version => Text(new VersionGenerator(), 5),
            _ => null,
        };
    }

    /// <summary>
    /// What a description describes, from its table: a plot only for films and shows, a work item
    /// for projects and tickets, a blurb for events and courses, an ad for jobs, one line for a
    /// company or a team, and neutral business prose elsewhere. Detection names the register of
    /// the column's word; the table refines it here, so <c>tasks.description</c> no longer reads
    /// like a film and <c>tasks.details</c> like a note to a customer.
    /// </summary>
    private string ProseRegister(string variant)
    {
        var last = _f.Words[^1];
        var product = variant == "product description" && _f.TableIs("product", "item", "sku", "listing", "offer");
        var describes = variant == "description" || variant == "product description" && !product || variant == "note" && last is "details" or "detail";
        if (!describes)
        {
            return variant;
        }

        return _f switch
        {
            _ when last is "synopsis" or "plot" || _f.TableIs("film", "movie", "show", "episode") => "story",
            _ when _f.TableIs("project", "task", "subtask", "issue", "ticket", "bug", "defect", "todo", "epic", "feature", "milestone", "sprint", "incident", "backlog")
                => "work item",
            _ when _f.TableIs("event", "meetup", "conference", "course", "class", "workshop", "seminar", "webinar", "session", "lesson", "lecture", "training")
                => "event",
            _ when _f.TableIs("job", "position", "vacancy", "opening", "posting") => "job ad",
            _ when _f.TableIs("company", "organization", "organisation", "business", "firm", "employer", "vendor", "supplier", "agency", "partner", "client")
                => "organization",
            _ when _f.TableIs("department", "team", "division", "unit") => "team",

            // A shop's other tables keep product prose; details elsewhere stay notes.
            _ when variant != "description" => variant,
            _ => "business",
        };
    }

    /// <summary>The list's entries, the first ones most often (weights 1/(i+1)).</summary>
    private static ChoiceGenerator Skewed(WordList list) =>
        new(ChoiceSets.Ordered("list", [.. Enumerable.Range(0, list.Count).Select(list.Text)]).Items);

    private string ReferencePrefix()
    {
        bool Says(params string[] words) => words.Any(w => _f.Has(w) || _f.TableWords.Contains(w));
        return Says("invoice") ? "INV"
            : Says("order") ? "ORD"
            : Says("booking", "reservation") ? "BKG"
            : Says("ticket") ? "TCK"
            : Says("tracking", "shipment") ? "TRK"
            : Says("confirmation") ? "CNF"
            : Says("receipt") ? "RCP"
            : Says("payment") ? "PAY"
            : "REF";
    }

    /// <summary>Status, flag and listed values in the column's type: text that fits, codes for integers, true/false for booleans.</summary>
    private IValueGenerator? Choice(ConceptMatch d)
    {
        if (d.Choices is not { } choices)
        {
            return null;
        }

        var items = choices.Items.ToList();
        IReadOnlyList<string>? listed = _f.Rules.Allowed ?? (Shape.Kind == ValueKind.Enum ? Shape.Labels : null);
        if (listed is not null && d.Concept != Concept.Choice)
        {
            // The column's own values, weighted as the concept would weight them where they match.
            var known = items.ToDictionary(i => i.Value, i => i.Weight, StringComparer.OrdinalIgnoreCase);
            var matched = listed.Count(known.ContainsKey);
            items = matched * 2 >= listed.Count
                ? [.. listed.Select(v => (v, known.TryGetValue(v, out var w) ? w : 3))]
                : [.. ChoiceSets.Ordered(choices.Name, listed).Items];
        }

        items = [.. items.Where(i => !_f.Rules.Forbidden.Contains(i.Value))];
        if (items.Count == 0)
        {
            return null;
        }

        if (listed is not null || Shape.Kind == ValueKind.Enum)
        {
            return new ChoiceGenerator(items);
        }

        switch (Shape.Kind)
        {
            case ValueKind.Bool:
                return d.Concept == Concept.Flag ? new ChoiceGenerator([.. items.Select(i => (i.Value == "1" ? "true" : "false", i.Weight))]) : null;
            case ValueKind.Integer or ValueKind.Numeric:
                // Flags stay 1/0; other sets become codes 1..n, the most common first.
                var codes = d.Concept == Concept.Flag ? items : [.. items.Select((item, i) => ((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), item.Weight))];
                return NumberRange(0) is { } allowed && codes.All(c => allowed.Contains(long.Parse(c.Item1, System.Globalization.CultureInfo.InvariantCulture)))
                    ? new ChoiceGenerator(codes)
                    : null;
            case ValueKind.Text:
                return TextChoices(d, items);
            default:
                return null;
        }
    }

    private ChoiceGenerator? TextChoices(ConceptMatch d, List<(string Value, int Weight)> items)
    {
        if (d.Concept == Concept.Flag)
        {
            items = [.. items.Select(i => (_f.MaxChars is 1 ? (i.Value == "1" ? "Y" : "N") : (i.Value == "1" ? "yes" : "no"), i.Weight))];
        }

        if (_f.MaxChars is not { } max || items.All(i => i.Value.Length <= max))
        {
            return new ChoiceGenerator(items);
        }

        // Too long for the column: initials (A, I, P) or cut values, when they stay distinct.
        var shortened = items.Select(i => (Value: max == 1 ? i.Value[..1].ToUpperInvariant() : i.Value[..Math.Min(max, i.Value.Length)], i.Weight)).ToList();
        return shortened.Select(i => i.Value).Distinct(StringComparer.Ordinal).Count() == shortened.Count ? new ChoiceGenerator(shortened) : null;
    }
}

/// <summary>A few random digits: card security codes.</summary>
internal sealed class CodeDigitsGenerator(int count) : ConceptGenerator(unique: false)
{
    public override void Write(long row, ref GenDb.Generation.Randomness.Rng rng, ValueBuilder output) => Literal.Digits(output, ref rng, count);
}
