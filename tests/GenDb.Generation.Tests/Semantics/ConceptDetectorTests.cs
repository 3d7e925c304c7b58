using GenDb.Generation.Constraints;
using GenDb.Generation.Semantics;
using GenDb.Schema;
using static GenDb.Generation.Tests.Semantics.SemanticTestKit;

namespace GenDb.Generation.Tests.Semantics;

/// <summary>Detection from a column's words, type, table and neighbours, on tables built by hand.</summary>
public sealed class ConceptDetectorTests
{
    [Theory]
    [InlineData("CustomerEmail", nameof(Concept.Email))]
    [InlineData("first_name", nameof(Concept.FirstName))]
    [InlineData("FirstName", nameof(Concept.FirstName))]
    [InlineData("surname", nameof(Concept.LastName))]
    [InlineData("BillingPostalCode", nameof(Concept.PostalCode))]
    [InlineData("zip", nameof(Concept.PostalCode))]
    [InlineData("user_name", nameof(Concept.Username))]
    [InlineData("mobile_phone", nameof(Concept.Phone))]
    [InlineData("street_address", nameof(Concept.StreetAddress))]
    [InlineData("address_line2", nameof(Concept.SecondaryAddress))]
    [InlineData("country_code", nameof(Concept.CountryCode))]
    [InlineData("company_name", nameof(Concept.Company))]
    [InlineData("job_title", nameof(Concept.JobTitle))]
    [InlineData("department", nameof(Concept.Department))]
    [InlineData("website_url", nameof(Concept.Url))]
    [InlineData("avatar_url", nameof(Concept.Url))]
    [InlineData("domain", nameof(Concept.Domain))]
    [InlineData("hostname", nameof(Concept.Hostname))]
    [InlineData("IPAddress", nameof(Concept.IpAddress))]
    [InlineData("mac_address", nameof(Concept.MacAddress))]
    [InlineData("user_agent", nameof(Concept.UserAgent))]
    [InlineData("external_uuid", nameof(Concept.Uuid))]
    [InlineData("iban", nameof(Concept.Iban))]
    [InlineData("swift_bic", nameof(Concept.Bic))]
    [InlineData("card_number", nameof(Concept.CardNumber))]
    [InlineData("card_expiry", nameof(Concept.CardExpiry))]
    [InlineData("cvv", nameof(Concept.CardCode))]
    [InlineData("currency", nameof(Concept.CurrencyCode))]
    [InlineData("sku", nameof(Concept.Sku))]
    [InlineData("isbn", nameof(Concept.Isbn))]
    [InlineData("slug", nameof(Concept.Slug))]
    [InlineData("bio", nameof(Concept.Prose))]
    [InlineData("notes", nameof(Concept.Prose))]
    [InlineData("file_name", nameof(Concept.FileName))]
    [InlineData("mime_type", nameof(Concept.MimeType))]
    [InlineData("language_code", nameof(Concept.LanguageCode))]
    [InlineData("time_zone", nameof(Concept.TimeZone))]
    [InlineData("locale", nameof(Concept.Locale))]
    [InlineData("status", nameof(Concept.Status))]
    [InlineData("account_type", nameof(Concept.Status))]
    [InlineData("gender", nameof(Concept.Gender))]
    [InlineData("password_hash", nameof(Concept.PasswordHash))]
    [InlineData("api_token", nameof(Concept.SecretToken))]
    [InlineData("color", nameof(Concept.Color))]
    [InlineData("order_number", nameof(Concept.ReferenceNumber))]
    [InlineData("promo_code", nameof(Concept.Code))]
    [InlineData("app_version", nameof(Concept.Version))]
    [InlineData("ssn", nameof(Concept.Ssn))]
    [InlineData("tags", nameof(Concept.Tag))]
    [InlineData("full_name", nameof(Concept.FullName))]
    [InlineData("display_name", nameof(Concept.FullName))]
    [InlineData("nickname", nameof(Concept.Username))]
    [InlineData("latitude", nameof(Concept.Latitude))]
    [InlineData("lng", nameof(Concept.Longitude))]
    public void Detect_TextColumnName_Concept(string column, string expected) =>
        Assert.Equal(Enum.Parse<Concept>(expected), Detect(Table("things", Text(column), Text("other")), column));

    [Theory]
    [InlineData("price", nameof(Concept.Price))]
    [InlineData("unit_price", nameof(Concept.Price))]
    [InlineData("amount", nameof(Concept.Amount))]
    [InlineData("total", nameof(Concept.Amount))]
    [InlineData("salary", nameof(Concept.Salary))]
    [InlineData("quantity", nameof(Concept.Quantity))]
    [InlineData("rating", nameof(Concept.Rating))]
    [InlineData("discount_percent", nameof(Concept.Percentage))]
    [InlineData("tax_rate", nameof(Concept.Percentage))]
    [InlineData("age", nameof(Concept.Age))]
    [InlineData("birth_year", nameof(Concept.Year))]
    [InlineData("year", nameof(Concept.Year))]
    [InlineData("duration_seconds", nameof(Concept.Duration))]
    [InlineData("file_size", nameof(Concept.FileSize))]
    [InlineData("view_count", nameof(Concept.Count))]
    [InlineData("weight", nameof(Concept.Weight))]
    [InlineData("sort_order", nameof(Concept.SortOrder))]
    [InlineData("is_active", nameof(Concept.Flag))]
    [InlineData("latitude", nameof(Concept.Latitude))]
    public void Detect_NumericColumnName_Concept(string column, string expected) =>
        Assert.Equal(Enum.Parse<Concept>(expected), Detect(Table("things", Numeric(column, 10, 2)), column));

    [Theory]
    [InlineData("created_at", nameof(Concept.CreatedAt))]
    [InlineData("updated_at", nameof(Concept.UpdatedAt))]
    [InlineData("deleted_at", nameof(Concept.DeletedAt))]
    [InlineData("last_login", nameof(Concept.LastSeenAt))]
    [InlineData("starts_at", nameof(Concept.StartedAt))]
    [InlineData("ended_at", nameof(Concept.EndedAt))]
    [InlineData("expires_at", nameof(Concept.ExpiresAt))]
    [InlineData("dob", nameof(Concept.BirthDate))]
    [InlineData("hired_on", nameof(Concept.HireDate))]
    [InlineData("order_date", nameof(Concept.StartedAt))]
    [InlineData("whenever", nameof(Concept.StartedAt))]
    public void Detect_TimestampColumnName_Concept(string column, string expected) =>
        Assert.Equal(Enum.Parse<Concept>(expected), Detect(Table("things", TimestampTz(column)), column));

    [Theory]
    [InlineData("customers", nameof(Concept.FullName))]
    [InlineData("users", nameof(Concept.FullName))]
    [InlineData("companies", nameof(Concept.Company))]
    [InlineData("vendor", nameof(Concept.Company))]
    [InlineData("cities", nameof(Concept.City))]
    [InlineData("countries", nameof(Concept.Country))]
    [InlineData("artist", nameof(Concept.ArtistName))]
    [InlineData("genre", nameof(Concept.Genre))]
    [InlineData("category", nameof(Concept.Category))]
    [InlineData("language", nameof(Concept.LanguageName))]
    [InlineData("product", nameof(Concept.ProductName))]
    [InlineData("playlist", nameof(Concept.PlaylistName))]
    [InlineData("albums", nameof(Concept.Title))]
    [InlineData("films", nameof(Concept.Title))]
    [InlineData("widgets", nameof(Concept.Label))]
    public void Detect_NameColumn_TableDecides(string table, string expected) =>
        Assert.Equal(Enum.Parse<Concept>(expected), Detect(Table(table, Text("name")), "name"));

    [Theory]
    [InlineData("album", "title", "album")]
    [InlineData("film", "title", "film")]
    [InlineData("posts", "title", "headline")]
    public void Detect_Title_FlavourFromTable(string table, string column, string flavour)
    {
        var found = DetectingChooser.Detect(Context(Table(table, Text(column)), column));

        Assert.Equal(Concept.Title, found?.Concept);
        Assert.Equal(flavour, found?.Variant);
    }

    [Fact]
    public void Detect_NameBesideEmail_Person() =>
        Assert.Equal(Concept.FullName, Detect(Table("widgets", Text("name"), Text("email")), "name"));

    [Fact]
    public void Detect_TitleInEmployeeTable_JobTitle() =>
        Assert.Equal(Concept.JobTitle, Detect(Table("employees", Text("title"), Text("first_name")), "title"));

    [Fact]
    public void Detect_CityColumnOfCityTable_City() =>
        Assert.Equal(Concept.City, Detect(Table("city", Text("city")), "city"));

    [Fact]
    public void Detect_StateBesideCity_Region() =>
        Assert.Equal(Concept.Region, Detect(Table("customers", Text("city"), Text("state")), "state"));

    [Fact]
    public void Detect_StateWithoutPlace_Status() =>
        Assert.Equal(Concept.Status, Detect(Table("jobs", Text("state")), "state"));

    [Fact]
    public void Detect_BillingColumns_ShareTheBillingRole()
    {
        var table = Table("invoices", Text("billing_city"), Text("billing_country"), Text("city"));

        Assert.Equal("billing", DetectingChooser.Detect(Context(table, "billing_city"))?.Role);
        Assert.Equal("billing", DetectingChooser.Detect(Context(table, "billing_country"))?.Role);
        Assert.Equal(string.Empty, DetectingChooser.Detect(Context(table, "city"))?.Role);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("customer_id")]
    [InlineData("xyzzy")]
    public void Detect_KeysAndUnknownWords_Nothing(string column) =>
        Assert.Null(DetectingChooser.Detect(Context(Table("things", Integer(column)), column)));

    [Fact]
    public void Detect_CheckList_SkewedChoice()
    {
        var table = Table("things", Text("colour_scheme"));
        var rules = new ColumnRules { AllowedValues = ["light", "dark"] };

        Assert.Equal(Concept.Choice, DetectingChooser.Detect(Context(table, "colour_scheme", rules: rules))?.Concept);
    }

    [Fact]
    public void Concepts_AtLeastSixty() => Assert.True(Enum.GetValues<Concept>().Length >= 60);

    private static Concept? Detect(TableModel table, string column) => DetectingChooser.Detect(Context(table, column))?.Concept;
}
