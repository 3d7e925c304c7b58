using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using GenDb.Generation.Semantics;
using GenDb.Generation.Semantics.Data;
using static GenDb.Generation.Tests.Semantics.SemanticTestKit;

namespace GenDb.Generation.Tests.Semantics;

/// <summary>The columns of one row agree, though their generators never see each other.</summary>
public sealed partial class CoherenceTests
{
    private const int RowCount = 1000;

    private static readonly Schema.TableModel Customers = Table(
        "customers",
        Text("first_name"),
        Text("last_name"),
        Varchar("email", 100),
        Text("city"),
        Text("state"),
        Varchar("postal_code", 10),
        Text("country"),
        Varchar("phone", 24),
        TimestampTz("created_at"),
        TimestampTz("updated_at"));

    [Fact]
    public void Rows_Customers_EmailsAreValidAndHoldTheRowsNames()
    {
        var rows = Rows(Customers, RowCount, tableSeed: 11);

        Assert.All(rows, row =>
        {
            var email = row["email"];
            Assert.Matches(EmailPattern(), email);
            var local = email[..email.IndexOf('@', StringComparison.Ordinal)];
            Assert.Contains(Fold(row["first_name"]), local, StringComparison.Ordinal);
            Assert.Contains(Fold(row["last_name"]), local, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Rows_Customers_PlaceColumnsDescribeOneRealCity()
    {
        var rows = Rows(Customers, RowCount, tableSeed: 12);

        Assert.All(rows, row =>
        {
            var city = PlaceTable.Cities.Single(c => c.Name == row["city"] && c.Country.Name == row["country"]);
            Assert.Equal(city.Region, row["state"]);
            Assert.True(PostalCodeFits(city, row["postal_code"]), $"{row["postal_code"]} is not a postal code of {city.Name}");
            Assert.Contains(city.AreaCode, row["phone"], StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Rows_Customers_CreatedNeverAfterUpdated()
    {
        var rows = Rows(Customers, RowCount, tableSeed: 13);

        Assert.All(rows, row => Assert.True(
            Instant(row["created_at"]) <= Instant(row["updated_at"]),
            $"created {row["created_at"]} after updated {row["updated_at"]}"));
    }

    [Fact]
    public void Rows_Customers_NamesAndPlacesVary()
    {
        var rows = Rows(Customers, RowCount, tableSeed: 14);

        Assert.True(rows.Select(r => r["first_name"]).Distinct().Count() > 200);
        Assert.True(rows.Select(r => r["city"]).Distinct().Count() > 30);
        Assert.Equal(RowCount, rows.Select(r => r["created_at"]).Distinct().Count());
    }

    [Fact]
    public void Rows_EventTable_TimelineIsOrdered()
    {
        var rentals = Table("rentals", TimestampTz("created_at"), TimestampTz("rental_date"), TimestampTz("return_date"), TimestampTz("updated_at"), TimestampTz("deleted_at"));
        var rows = Rows(rentals, RowCount, tableSeed: 15);

        Assert.All(rows, row =>
        {
            Assert.True(Instant(row["created_at"]) <= Instant(row["rental_date"]));
            Assert.True(Instant(row["rental_date"]) <= Instant(row["return_date"]));
            Assert.True(Instant(row["rental_date"]) <= Instant(row["updated_at"]));
            Assert.True(Instant(row["updated_at"]) <= Instant(row["deleted_at"]));
        });
    }

    [Fact]
    public void Rows_Employees_BornEighteenToNinetyBeforeCreationAndHiredAsAdults()
    {
        var employees = Table("employees", Text("first_name"), Date("birth_date"), Integer("age"), Date("hire_date"), TimestampTz("created_at"));
        var rows = Rows(employees, RowCount, tableSeed: 16);

        Assert.All(rows, row =>
        {
            var birth = DateOnly.ParseExact(row["birth_date"], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var created = DateOnly.FromDateTime(Instant(row["created_at"]).UtcDateTime);
            var hire = DateOnly.ParseExact(row["hire_date"], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var age = int.Parse(row["age"], CultureInfo.InvariantCulture);
            Assert.InRange(age, 18, 90);
            Assert.Equal(Years(birth, created), age);
            Assert.True(hire >= birth.AddYears(18), $"hired {hire} before the 18th birthday of {birth}");
        });
    }

    [Fact]
    public void Rows_Tracks_BytesFollowTheLength()
    {
        var tracks = Table("track", Varchar("name", 200), Integer("milliseconds"), Integer("bytes"));
        var rows = Rows(tracks, RowCount, tableSeed: 17);

        Assert.All(rows, row =>
        {
            var kilobitsPerSecond = long.Parse(row["bytes"], CultureInfo.InvariantCulture) * 8 / long.Parse(row["milliseconds"], CultureInfo.InvariantCulture);
            Assert.InRange(kilobitsPerSecond, 127, 320);
        });
    }

    [Fact]
    public void Rows_Languages_NameAndCodeAgree()
    {
        var languages = Table("language", Text("name"), Char("code", 2));
        var rows = Rows(languages, 200, tableSeed: 18);

        Assert.All(rows, row => Assert.Contains(WorldData.Languages, l => l.Name == row["name"] && l.Code == row["code"]));
    }

    [Fact]
    public void Rows_TwoRoles_AreTwoPlaces()
    {
        var orders = Table("orders", Text("billing_city"), Text("billing_country"), Text("shipping_city"), Text("shipping_country"));
        var rows = Rows(orders, RowCount, tableSeed: 19);

        Assert.All(rows, row =>
        {
            Assert.Contains(PlaceTable.Cities, c => c.Name == row["billing_city"] && c.Country.Name == row["billing_country"]);
            Assert.Contains(PlaceTable.Cities, c => c.Name == row["shipping_city"] && c.Country.Name == row["shipping_country"]);
        });
        Assert.Contains(rows, row => row["billing_city"] != row["shipping_city"]);
    }

    private static int Years(DateOnly birth, DateOnly at) =>
        at.Year - birth.Year - (at < birth.AddYears(at.Year - birth.Year) ? 1 : 0);

    private static DateTimeOffset Instant(string value) =>
        DateTimeOffset.ParseExact(value, "yyyy-MM-dd HH:mm:sszz", CultureInfo.InvariantCulture);

    private static string Fold(string name) => Encoding.ASCII.GetString(WordList.Fold(name, "en"));

    private static bool PostalCodeFits(CityInfo city, string code) => city.Country.Postal switch
    {
        PostalStyle.British or PostalStyle.Canadian => city.OutwardCodes.Any(o => code.StartsWith(o + " ", StringComparison.Ordinal)),
        PostalStyle.Brazilian or PostalStyle.DigitsLetters or PostalStyle.Digits =>
            int.Parse(code.AsSpan(0, city.Country.DigitWidth), CultureInfo.InvariantCulture) is var n && n >= city.PostalRange.Lo && n <= city.PostalRange.Hi,
        _ => false,
    };

    /// <summary>A simple RFC 5322-ish address: lowercase local part of letters, digits and . _ % + -, a dotted domain.</summary>
    [GeneratedRegex(@"^[a-z0-9](?:[a-z0-9._%+-]*[a-z0-9])?@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$")]
    private static partial Regex EmailPattern();
}
