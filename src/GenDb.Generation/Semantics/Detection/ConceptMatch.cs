using GenDb.Generation.Semantics.Data;

namespace GenDb.Generation.Semantics.Detection;

/// <summary>A concept found for a column, and what gave it away.</summary>
/// <param name="Evidence">For people: <c>column name</c>, <c>table customers, column name</c>, <c>neighbours: email</c>.</param>
internal sealed record ConceptMatch(Concept Concept, string Evidence)
{
    /// <summary>
    /// Which of several entities of a row the column belongs to: <c>billing</c> in
    /// <c>billing_city</c>. Columns with the same role share the entity; most have none.
    /// </summary>
    public string Role { get; init; } = string.Empty;

    /// <summary>A refinement of the concept: the kind of title, the unit of a duration, the flavour of prose.</summary>
    public string? Variant { get; init; }

    /// <summary>For <see cref="Concept.Status"/>, <see cref="Concept.Flag"/> and <see cref="Concept.Choice"/>: the values and their weights.</summary>
    public ChoiceSet? Choices { get; init; }

    /// <summary>The reason shown in plans: <c>email (column name)</c>.</summary>
    public string Reason => $"{ConceptNames.Describe(this)} ({Evidence})";
}

/// <summary>How concepts are named for people reading a plan.</summary>
internal static class ConceptNames
{
    public static string Describe(ConceptMatch detection) => detection.Concept switch
    {
        Concept.Status or Concept.Flag or Concept.Choice => $"{detection.Choices?.Name ?? "choice"} (few values, skewed)",
        Concept.Title or Concept.Prose or Concept.Duration or Concept.Genre or Concept.Category or Concept.Percentage or Concept.GroupName when detection.Variant is { } variant
            => $"{Name(detection.Concept)}: {variant}",
        _ => Name(detection.Concept),
    };

    public static string Name(Concept concept) => concept switch
    {
        Concept.FirstName => "person first name",
        Concept.MiddleName => "person middle name",
        Concept.LastName => "person last name",
        Concept.FullName => "person full name",
        Concept.PersonNames => "person names",
        Concept.Username => "username",
        Concept.Email => "email",
        Concept.Gender => "gender",
        Concept.Salutation => "salutation",
        Concept.BirthDate => "birth date",
        Concept.Age => "age",
        Concept.JobTitle => "job title",
        Concept.Department => "department",
        Concept.PasswordHash => "password hash",
        Concept.StreetAddress => "street address",
        Concept.SecondaryAddress => "secondary address",
        Concept.City => "city",
        Concept.Region => "state/region",
        Concept.RegionCode => "state/region code",
        Concept.PostalCode => "postal code",
        Concept.Country => "country",
        Concept.CountryCode => "country code",
        Concept.Latitude => "latitude",
        Concept.Longitude => "longitude",
        Concept.TimeZone => "time zone",
        Concept.Phone => "phone number",
        Concept.CurrencyCode => "currency code",
        Concept.Company => "company name",
        Concept.Url => "URL",
        Concept.Domain => "domain name",
        Concept.Hostname => "hostname",
        Concept.IpAddress => "IP address",
        Concept.MacAddress => "MAC address",
        Concept.UserAgent => "user agent",
        Concept.Uuid => "UUID",
        Concept.SecretToken => "token",
        Concept.Iban => "IBAN",
        Concept.Bic => "BIC",
        Concept.CardNumber => "credit card number",
        Concept.CardExpiry => "credit card expiry",
        Concept.CardCode => "card security code",
        Concept.Sku => "SKU",
        Concept.Isbn => "ISBN",
        Concept.Ssn => "social security number",
        Concept.ReferenceNumber => "reference number",
        Concept.Code => "code",
        Concept.Version => "version",
        Concept.Amount => "amount",
        Concept.Price => "price",
        Concept.Salary => "salary",
        Concept.Quantity => "quantity",
        Concept.Rating => "rating",
        Concept.Score => "score",
        Concept.Percentage => "percentage",
        Concept.Year => "year",
        Concept.Duration => "duration",
        Concept.FileSize => "file size",
        Concept.Count => "count",
        Concept.Weight => "weight",
        Concept.Height => "height",
        Concept.Measure => "measurement",
        Concept.SortOrder => "sort order",
        Concept.CreatedAt => "created time",
        Concept.UpdatedAt => "updated time",
        Concept.DeletedAt => "deleted time",
        Concept.StartedAt => "event time",
        Concept.MilestoneAt => "milestone time",
        Concept.EndedAt => "end time",
        Concept.ExpiresAt => "expiry time",
        Concept.LastSeenAt => "last seen time",
        Concept.HireDate => "hire date",
        Concept.TimeOfDay => "time of day",
        Concept.Title => "title",
        Concept.Slug => "slug",
        Concept.Prose => "prose",
        Concept.Label => "name",
        Concept.Tag => "tag",
        Concept.Color => "color",
        Concept.ProductName => "product name",
        Concept.Genre => "genre",
        Concept.Category => "category",
        Concept.LanguageName => "language",
        Concept.LanguageCode => "language code",
        Concept.Locale => "locale",
        Concept.ArtistName => "artist name",
        Concept.GroupName => "group name",
        Concept.PlaylistName => "playlist name",
        Concept.MediaFormat => "media format",
        Concept.FileName => "file name",
        Concept.MimeType => "MIME type",
        Concept.VehicleMake => "vehicle make",
        Concept.VehicleModel => "vehicle model",
        Concept.Industry => "industry",
        Concept.Status => "status",
        Concept.Flag => "flag",
        Concept.Choice => "choice",
        _ => concept.ToString(),
    };
}
