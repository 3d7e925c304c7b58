using GenDb.Generation.Semantics.Columns;
using GenDb.Generation.Semantics.Data;
using GenDb.Generation.Semantics.Detection;
using GenDb.Generation.Semantics.Entities;
using GenDb.Generation.Values;

namespace GenDb.Generation.Semantics.Generators;

/// <summary>
/// Builds the generator of a detected concept for one column, or null when the concept cannot
/// honour the column: its type, its length, a unique constraint it cannot keep by construction,
/// bounds that leave nothing of its range.
/// </summary>
internal sealed partial class ConceptFactory
{
    private static readonly WordList ReservedDomains = new(["example.com", "example.net", "example.org"]);

    private readonly ColumnFacts _f;
    private readonly SemanticOptions _options;
    private readonly LocaleData _data;

    public ConceptFactory(ColumnFacts facts, SemanticOptions options)
    {
        _f = facts;
        _options = options;
        _data = LocaleData.For(facts.Context.Locale);
    }

    private ColumnShape Shape => _f.Shape;

    private bool Unique => _f.Unique;

    private bool IsText => Shape.IsText;

    public IValueGenerator? Create(ConceptMatch detection)
    {
        // Bounds are honoured for numbers and instants; text, enums and the rest compare in
        // ways (collations, label order) concepts do not model.
        if (_f.Rules.HasBounds && !Shape.IsNumber && !Shape.IsInstant)
        {
            return null;
        }

        var generator = detection.Concept switch
        {
            Concept.FirstName or Concept.MiddleName or Concept.LastName or Concept.FullName or Concept.PersonNames or Concept.Salutation
                or Concept.Username or Concept.Email or Concept.Gender or Concept.JobTitle or Concept.Department or Concept.PasswordHash
                => Person(detection),
            Concept.StreetAddress or Concept.SecondaryAddress or Concept.City or Concept.Region or Concept.RegionCode or Concept.PostalCode
                or Concept.Country or Concept.CountryCode or Concept.Latitude or Concept.Longitude or Concept.TimeZone or Concept.Phone
                or Concept.CurrencyCode => Place(detection),
            Concept.Amount or Concept.Price or Concept.Salary or Concept.Quantity or Concept.Rating or Concept.Score or Concept.Percentage
                or Concept.Year or Concept.Duration or Concept.FileSize or Concept.Count or Concept.Weight or Concept.Height or Concept.Measure
                or Concept.SortOrder or Concept.Age => Number(detection),
            Concept.BirthDate or Concept.CreatedAt or Concept.UpdatedAt or Concept.DeletedAt or Concept.StartedAt or Concept.MilestoneAt or Concept.EndedAt
                or Concept.ExpiresAt or Concept.LastSeenAt or Concept.HireDate or Concept.TimeOfDay => Time(detection),
            Concept.Status or Concept.Flag or Concept.Choice => Choice(detection),
            Concept.Company or Concept.Url or Concept.Domain or Concept.Hostname or Concept.IpAddress or Concept.MacAddress or Concept.UserAgent
                or Concept.Uuid or Concept.SecretToken => Internet(detection),
            Concept.Iban or Concept.Bic or Concept.CardNumber or Concept.CardExpiry or Concept.CardCode or Concept.Sku or Concept.Isbn
                or Concept.Ssn or Concept.ReferenceNumber or Concept.Code or Concept.Version => Identifier(detection),
            _ => Words(detection),
        };

        // A unique column takes only what is unique by construction.
        return generator is not null && Unique && !generator.IsUnique ? null : generator;
    }

    private ulong Key(string kind, string role) => RowSeed.Key(_f.Context.TableSeed, kind, role);

    private TimelineSource Timeline()
    {
        var reference = _options.ReferenceTime.ToUnixTimeSeconds();
        return new TimelineSource(Key("timeline", string.Empty), reference, Math.Max(1, _options.HistoryYears) * Entities.Timeline.Year);
    }

    private PersonSource Persons(string role) =>
        new(_data, Key("person", role), _options.ReservedEmailDomains ? ReservedDomains : _data.FreeEmailDomains);

    private PlaceSource Places(string role) => new(PlaceSet.For(_data.Locale), Key("place", role));

    private CompanySource Companies(string role) => new(_data, Key("company", role));

    /// <summary>
    /// Text that only needs to fit: cut to the column's length when one is set, null when the
    /// column is not text or too short for <paramref name="minUseful"/> characters. Unique
    /// columns get the row number appended when <paramref name="numbered"/>, else nothing.
    /// </summary>
    private IValueGenerator? Text(IValueGenerator generator, int minUseful, bool numbered = false)
    {
        if (!IsText || _f.MaxChars < minUseful)
        {
            return null;
        }

        if (Unique)
        {
            return numbered && _f.MaxChars is null or >= 12 ? new NumberedText(generator, _f.MaxChars ?? 10_000) : null;
        }

        return _f.MaxChars is { } max ? new FittedText(generator, max) : generator;
    }

    /// <summary>Text the generator fits itself: null when the column is not text or shorter than <paramref name="minLength"/>.</summary>
    private IValueGenerator? SelfFitting(IValueGenerator generator, int minLength) =>
        IsText && !(_f.MaxChars < minLength) ? generator : null;

    private bool PlaceContext() =>
        _f.NeighbourHas("city", "country", "zip", "postal", "address", "street", "state", "region", "town", "phone");
}
