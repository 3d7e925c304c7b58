using GenDb.Generation.Semantics.Detection;

namespace GenDb.Generation.Tests.Semantics;

public sealed class NameWordsTests
{
    [Theory]
    [InlineData("first_name", "first name")]
    [InlineData("CustomerEmail", "customer email")]
    [InlineData("BillingPostalCode", "billing postal code")]
    [InlineData("billingPostalCode", "billing postal code")]
    [InlineData("IPAddress", "ip address")]
    [InlineData("user_ipv4", "user ipv4")]
    [InlineData("address2", "address 2")]
    [InlineData("e_mail", "email")]
    [InlineData("EMail", "email")]
    [InlineData("zipcode", "zip code")]
    [InlineData("FirstName", "first name")]
    [InlineData("LASTNAME", "last name")]
    [InlineData("created_at", "created at")]
    [InlineData("createdAt", "created at")]
    [InlineData("SHA256Hash", "sha256 hash")]
    public void Split_Identifier_LowercaseWords(string identifier, string words) =>
        Assert.Equal(words, string.Join(' ', NameWords.Split(identifier)));

    [Theory]
    [InlineData("customers", "customer")]
    [InlineData("cities", "city")]
    [InlineData("companies", "company")]
    [InlineData("addresses", "address")]
    [InlineData("statuses", "status")]
    [InlineData("status", "status")]
    [InlineData("people", "person")]
    [InlineData("movies", "movie")]
    [InlineData("boxes", "box")]
    [InlineData("city", "city")]
    public void Singular_Plural_Singular(string plural, string singular) =>
        Assert.Equal(singular, NameWords.Singular(plural));
}
