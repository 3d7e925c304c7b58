namespace GenDb.Generation.Semantics;

/// <summary>What a column's values mean, as far as its name, type, table and neighbours tell.</summary>
internal enum Concept
{
    // A person of the row.
    FirstName,
    MiddleName,
    LastName,
    FullName,
    PersonNames,
    Username,
    Email,
    Gender,
    Salutation,
    BirthDate,
    Age,
    JobTitle,
    Department,
    PasswordHash,

    // A place of the row.
    StreetAddress,
    SecondaryAddress,
    City,
    Region,
    RegionCode,
    PostalCode,
    Country,
    CountryCode,
    Latitude,
    Longitude,
    TimeZone,
    Phone,
    CurrencyCode,

    // Organisations and the internet.
    Company,
    Url,
    Domain,
    Hostname,
    IpAddress,
    MacAddress,
    UserAgent,
    Uuid,
    SecretToken,

    // Money and identifiers.
    Iban,
    Bic,
    CardNumber,
    CardExpiry,
    CardCode,
    Sku,
    Isbn,
    Ssn,
    ReferenceNumber,
    Code,
    Version,

    // Quantities.
    Amount,
    Price,
    Salary,
    Quantity,
    Rating,
    Score,
    Percentage,
    Year,
    Duration,
    FileSize,
    Count,
    Weight,
    Height,
    Measure,
    SortOrder,

    // The row's timeline.
    CreatedAt,
    UpdatedAt,
    DeletedAt,
    StartedAt,

    /// <summary>A step between start and end: shipped, confirmed, approved.</summary>
    MilestoneAt,
    EndedAt,
    ExpiresAt,
    LastSeenAt,
    HireDate,
    TimeOfDay,

    // Words and prose.
    Title,
    Slug,
    Prose,
    Label,
    Tag,
    Color,
    ProductName,
    Genre,
    Category,
    LanguageName,
    LanguageCode,
    Locale,
    ArtistName,

    /// <summary>A club, team or user group: <c>Riverside Running Club</c>.</summary>
    GroupName,
    PlaylistName,
    MediaFormat,
    FileName,
    MimeType,
    VehicleMake,
    VehicleModel,
    Industry,

    // A handful of values with a skewed spread.
    Status,
    Flag,
    Choice,
}
