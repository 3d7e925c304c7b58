using System.Text;
using CsCheck;
using GenDb.Protocol.Tests.Support;

namespace GenDb.Protocol.Tests;

public sealed class StartupParametersTests
{
    private static byte[] Body(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in pairs)
        {
            text.Append(name).Append('\0').Append(value).Append('\0');
        }

        return Encoding.UTF8.GetBytes(text.Append('\0').ToString());
    }

    [Fact]
    public void TryParse_UserAndDatabase_Pairs()
    {
        var parsed = StartupParameters.TryParse("user\0alice\0database\0shop\0\0"u8, out var parameters);

        Assert.True(parsed);
        Assert.Equal(2, parameters.Count);
        Assert.Equal("alice", parameters["user"]);
        Assert.Equal("shop", parameters["database"]);
    }

    [Fact]
    public void TryParse_NonAsciiValues_DecodedAsUtf8()
    {
        var body = Body([new("application_name", "Zürich 東京 🐘"), new("user", "jürgen")]);

        var parsed = StartupParameters.TryParse(body, out var parameters);

        Assert.True(parsed);
        Assert.Equal("Zürich 東京 🐘", parameters["application_name"]);
        Assert.Equal("jürgen", parameters["user"]);
    }

    [Fact]
    public void TryParse_EmptyValue_KeptAsEmpty()
    {
        var parsed = StartupParameters.TryParse("options\0\0user\0bob\0\0"u8, out var parameters);

        Assert.True(parsed);
        Assert.Equal(string.Empty, parameters["options"]);
        Assert.Equal("bob", parameters["user"]);
    }

    [Fact]
    public void TryParse_OnlyTerminator_EmptyAndTrue()
    {
        var parsed = StartupParameters.TryParse("\0"u8, out var parameters);

        Assert.True(parsed);
        Assert.Empty(parameters);
    }

    [Fact]
    public void TryParse_NamesCaseSensitive_BothKept()
    {
        var parsed = StartupParameters.TryParse("user\0a\0USER\0b\0\0"u8, out var parameters);

        Assert.True(parsed);
        Assert.Equal("a", parameters["user"]);
        Assert.Equal("b", parameters["USER"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("user")]
    [InlineData("user\0")]
    [InlineData("user\0alice")]
    [InlineData("user\0alice\0")]
    [InlineData("user\0alice\0database\0shop\0")]
    public void TryParse_MissingTerminator_False(string body)
    {
        Assert.False(StartupParameters.TryParse(Encoding.UTF8.GetBytes(body), out _));
    }

    [Fact]
    public void TryParse_AnyPairs_RoundTrip()
    {
        Gen.Dictionary(TextGen.NonEmptyCString, TextGen.CString)[0, 8]
        .Sample(pairs =>
        {
            var parsed = StartupParameters.TryParse(Body(pairs), out var parameters);

            Assert.True(parsed);
            Assert.Equal(pairs.OrderBy(p => p.Key, StringComparer.Ordinal), parameters.OrderBy(p => p.Key, StringComparer.Ordinal));
        }, iter: 500);
    }
}
