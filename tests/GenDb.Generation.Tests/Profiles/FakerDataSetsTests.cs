using Bogus.Bson;
using GenDb.Generation.Profiles;
using GenDb.Generation.Tests.Values;

namespace GenDb.Generation.Tests.Profiles;

/// <summary>Bogus data set methods by path: resolving, suggestions, locales and determinism.</summary>
public sealed class FakerDataSetsTests
{
    [Theory]
    [InlineData("internet.email")]
    [InlineData("name.firstName")]
    [InlineData("name.first_name")]
    [InlineData("Name.FirstName")]
    [InlineData("address.city")]
    [InlineData("company.companyName")]
    [InlineData("company.company_name")]
    [InlineData("commerce.productName")]
    [InlineData("lorem.sentence")]
    [InlineData("phone.phoneNumber")]
    [InlineData("phone_numbers.phone_number")]
    [InlineData("date.past")]
    [InlineData("finance.amount")]
    public void TryResolve_KnownPath_True(string path)
    {
        Assert.True(FakerDataSets.TryResolve(path, out var problem), problem);
        Assert.Null(problem);
    }

    [Fact]
    public void TryResolve_MisspelledMethod_SuggestsCloseMatch()
    {
        Assert.False(FakerDataSets.TryResolve("internet.emial", out var problem));

        Assert.Contains("did you mean internet.email", problem, StringComparison.Ordinal);
        Assert.Contains("internet.userName", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TryResolve_UnknownDataSet_ListsDataSets()
    {
        Assert.False(FakerDataSets.TryResolve("adress.city", out var problem));

        Assert.Contains("did you mean address", problem, StringComparison.Ordinal);
        Assert.Contains("commerce, company", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("email", "must be a data set and a method")]
    [InlineData("date.between", "needs arguments")]
    [InlineData("system.exception", "returns Exception")]
    public void TryResolve_UnusablePath_SaysWhy(string path, string expected)
    {
        Assert.False(FakerDataSets.TryResolve(path, out var problem));

        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Paths_EveryPath_ResolvesAndWrites()
    {
        Assert.True(FakerDataSets.Paths.Count > 100);
        foreach (var path in FakerDataSets.Paths)
        {
            Assert.True(FakerDataSets.TryResolve(path, out var problem), problem);
            var values = ValueTestKit.Generate(FakerDataSets.CreateGenerator(path, "en"), 3, seed: 1);
            Assert.Equal(3, values.Count);
        }
    }

    [Fact]
    public void CreateGenerator_EveryPath_SameSeedSameValues()
    {
        foreach (var path in FakerDataSets.Paths)
        {
            var first = ValueTestKit.Generate(FakerDataSets.CreateGenerator(path, "fr"), 5, seed: 7);
            var again = ValueTestKit.Generate(FakerDataSets.CreateGenerator(path, "fr"), 5, seed: 7);
            Assert.True(first.SequenceEqual(again), path);
        }
    }

    [Fact]
    public void CreateGenerator_DifferentSeed_DifferentValues()
    {
        var generator = FakerDataSets.CreateGenerator("name.fullName", "en");

        Assert.NotEqual(ValueTestKit.Generate(generator, 20, seed: 1), ValueTestKit.Generate(generator, 20, seed: 2));
    }

    [Fact]
    public async Task CreateGenerator_OnOtherThreads_SameValues()
    {
        var generator = FakerDataSets.CreateGenerator("internet.email", "en");
        var expected = ValueTestKit.Generate(generator, 200, seed: 3);

        var parallel = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => ValueTestKit.Generate(generator, 200, seed: 3), TestContext.Current.CancellationToken)));

        Assert.All(parallel, values => Assert.Equal(expected, values));
    }

    [Fact]
    public void CreateGenerator_LocaleDe_GermanLastNames()
    {
        var german = Strings("name", "last_name", "de");
        var english = Strings("name", "last_name", "en");

        var values = ValueTestKit.Generate(FakerDataSets.CreateGenerator("name.lastName", "de"), 500, seed: 4);

        Assert.All(values, v => Assert.Contains(v, german));
        Assert.True(values.Count(v => !english.Contains(v)) > 400);
        Assert.Contains(values, v => v.IndexOfAny(['ä', 'ö', 'ü', 'ß']) >= 0 || v.EndsWith("mann", StringComparison.Ordinal));
    }

    [Fact]
    public void CreateGenerator_LocaleWithRegion_FallsBackToLanguage()
    {
        Assert.True(FakerDataSets.TryNormalizeLocale("de-DE", out var locale));
        Assert.Equal("de", locale);
        Assert.True(FakerDataSets.TryNormalizeLocale("pt-BR", out locale));
        Assert.Equal("pt_BR", locale);
        Assert.False(FakerDataSets.TryNormalizeLocale("xx", out _));
    }

    [Fact]
    public void CreateGenerator_DatePast_FixedReferenceIsoText()
    {
        var values = ValueTestKit.Generate(FakerDataSets.CreateGenerator("date.past", "en"), 200, seed: 5);

        Assert.All(values, v => Assert.Matches(@"^2024-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{1,6})?$", v));
    }

    [Fact]
    public void CreateGenerator_Amount_InvariantDecimal()
    {
        var values = ValueTestKit.Generate(FakerDataSets.CreateGenerator("finance.amount", "de"), 100, seed: 6);

        Assert.All(values, v => Assert.Matches(@"^\d+(\.\d+)?$", v));
    }

    private static HashSet<string> Strings(string category, string path, string locale)
    {
        var array = (BArray)Bogus.Database.Get(category, path, locale, locale);
        return [.. Enumerable.Range(0, array.Count).Select(i => array[i].StringValue)];
    }
}
