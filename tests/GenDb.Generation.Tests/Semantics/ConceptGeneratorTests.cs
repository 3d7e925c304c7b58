using System.Globalization;
using System.Numerics;
using GenDb.Generation.Constraints;
using GenDb.Generation.Semantics;
using GenDb.Generation.Semantics.Data;
using GenDb.Generation.Tests.Values;
using GenDb.Schema;
using static GenDb.Generation.Tests.Semantics.SemanticTestKit;

namespace GenDb.Generation.Tests.Semantics;

/// <summary>What concept generators write: types, lengths, bounds, uniqueness and check digits.</summary>
public sealed class ConceptGeneratorTests
{
    private static readonly DetectingChooser Chooser = new();

    public static TheoryData<string, string> UniqueColumns => new()
    {
        { "email", "text" },
        { "username", "character varying(30)" },
        { "external_uuid", "text" },
        { "sku", "text" },
        { "isbn", "character(13)" },
        { "card_number", "character varying(19)" },
        { "iban", "text" },
        { "slug", "text" },
        { "website", "text" },
        { "file_name", "text" },
        { "api_token", "character varying(64)" },
        { "password_hash", "text" },
        { "promo_code", "character varying(8)" },
        { "title", "text" },
        { "company_name", "character varying(40)" },
        { "full_name", "text" },
        { "order_number", "text" },
        { "hostname", "text" },
    };

    [Theory]
    [MemberData(nameof(UniqueColumns))]
    public void Choose_UniqueColumn_UniqueByConstruction(string column, string typeSql)
    {
        var table = Table("things", ValueTestKit.Column(column, typeSql, ValueTestKit.BuiltIn(BaseName(typeSql))));
        var choice = Chooser.Choose(Context(table, column, unique: true));

        Assert.Equal(GeneratorSource.Concept, choice.Source);
        Assert.True(choice.Generator.IsUnique);

        // The loader may ask for rows in batches, each with a fresh stream.
        var values = ValueTestKit.Generate(choice.Generator, 2500, seed: 1)
            .Concat(ValueTestKit.Generate(choice.Generator, 2500, seed: 2, firstRow: 2500))
            .ToList();
        Assert.Equal(values.Count, values.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Choose_UniqueEmailUnderALikeCheck_StaysAnEmail()
    {
        // The demo's customers.email: text NOT NULL UNIQUE CHECK (email LIKE '%_@_%').
        var rules = CheckReader.Read("CHECK ((email ~~ '%_@_%'::text))").For("email");
        var choice = Chooser.Choose(Context(Table("customers", Text("first_name"), Text("last_name"), Text("email")), "email", rules: rules, unique: true));

        Assert.Equal(GeneratorSource.Concept, choice.Source);
        Assert.True(choice.Generator.IsUnique);
        Assert.All(ValueTestKit.Generate(choice.Generator, 1000, seed: 4), v => Assert.Matches("^[^@ ]+@[^@ ]+\\.[a-z]+$", v));
    }

    [Theory]
    [InlineData("phone")]
    [InlineData("latitude")]
    [InlineData("status")]
    public void Choose_UniqueColumnAConceptCannotKeep_UniqueTypeFallback(string column)
    {
        var choice = Chooser.Choose(Context(Table("things", Text(column)), column, unique: true));

        Assert.Equal(GeneratorSource.TypeFallback, choice.Source);
        Assert.True(choice.Generator.IsUnique);
    }

    [Fact]
    public void Write_UniqueCity_NumberedNames()
    {
        var choice = Chooser.Choose(Context(Table("city", Text("city")), "city", unique: true));

        Assert.Equal(GeneratorSource.Concept, choice.Source);
        Assert.Matches(@"^\D+ 1$", ValueTestKit.Generate(choice.Generator, 1, seed: 1)[0]);
    }

    [Theory]
    [InlineData("email")]
    [InlineData("first_name")]
    [InlineData("city")]
    public void Choose_IntegerColumnWithTextConcept_TypeFallback(string column) =>
        Assert.Equal(GeneratorSource.TypeFallback, Chooser.Choose(Context(Table("things", Integer(column)), column)).Source);

    [Theory]
    [InlineData("price")]
    [InlineData("birth_date")]
    [InlineData("quantity")]
    public void Choose_TextColumnWithNumberOrTimeConcept_TypeFallback(string column) =>
        Assert.Equal(GeneratorSource.TypeFallback, Chooser.Choose(Context(Table("things", Text(column)), column)).Source);

    [Theory]
    [InlineData("first_name", 5)]
    [InlineData("last_name", 4)]
    [InlineData("email", 20)]
    [InlineData("username", 8)]
    [InlineData("street_address", 20)]
    [InlineData("company", 10)]
    [InlineData("job_title", 12)]
    [InlineData("description", 30)]
    [InlineData("title", 10)]
    [InlineData("postal_code", 6)]
    [InlineData("phone", 12)]
    [InlineData("status", 4)]
    [InlineData("gender", 1)]
    public void Write_Varchar_FitsItsLength(string column, int length)
    {
        var table = Table("customers", Varchar(column, length), Text("city"));
        var choice = Chooser.Choose(Context(table, column));

        var values = ValueTestKit.Generate(choice.Generator, 2000, seed: 3);

        Assert.All(values, v => Assert.InRange(v.EnumerateRunes().Count(), 1, length));
    }

    [Fact]
    public void Write_NumericPrice_WithinPrecisionWithCents()
    {
        var table = Table("products", Numeric("price", 4, 2));
        var values = ValueTestKit.Generate(Chooser.Choose(Context(table, "price")).Generator, 2000, seed: 4);

        Assert.All(values, v => Assert.InRange(decimal.Parse(v, CultureInfo.InvariantCulture), 0.5m, 99.99m));
        Assert.All(values, v => Assert.Matches(@"^\d+\.\d\d$", v));
    }

    [Fact]
    public void Write_PriceWithCheckBounds_StaysInside()
    {
        var table = Table("products", Numeric("price", 10, 2));
        var rules = new ColumnRules { Lower = new ValueBound("10", Inclusive: false), Upper = new ValueBound("20", Inclusive: true) };
        var choice = Chooser.Choose(Context(table, "price", rules: rules));

        Assert.Equal(GeneratorSource.Concept, choice.Source);
        Assert.All(ValueTestKit.Generate(choice.Generator, 2000, seed: 5), v => Assert.InRange(decimal.Parse(v, CultureInfo.InvariantCulture), 10.01m, 20m));
    }

    [Fact]
    public void Write_CreatedWithPartitionIntervals_InsideAPartition()
    {
        var table = Table("events", TimestampTz("created_at"));
        var rules = new ColumnRules
        {
            Intervals =
            [
                new ValueInterval(new ValueBound("2021-01-01 00:00:00+00", true), new ValueBound("2021-02-01 00:00:00+00", false)),
                new ValueInterval(new ValueBound("2023-05-01 00:00:00+00", true), new ValueBound("2023-06-01 00:00:00+00", false)),
            ],
        };
        var choice = Chooser.Choose(Context(table, "created_at", rules: rules));

        Assert.Equal(GeneratorSource.Concept, choice.Source);
        Assert.All(ValueTestKit.Generate(choice.Generator, 2000, seed: 6), v => Assert.Matches(@"^(2021-01|2023-05)-\d\d \d\d:\d\d:\d\d\+00$", v));
    }

    [Fact]
    public void Write_Status_MostlyActive()
    {
        var table = Table("accounts", Text("status"));
        var values = ValueTestKit.Generate(Chooser.Choose(Context(table, "status")).Generator, 10_000, seed: 7);

        Assert.InRange(values.Count(v => v == "active") / 10_000.0, 0.66, 0.74);
        Assert.Equal(["active", "inactive", "pending", "suspended"], values.Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Write_StatusWithCheckList_OnlyListedValues()
    {
        var table = Table("orders", Text("status"));
        var rules = new ColumnRules { AllowedValues = ["new", "shipped", "delivered"] };
        var values = ValueTestKit.Generate(Chooser.Choose(Context(table, "status", rules: rules)).Generator, 2000, seed: 8);

        Assert.All(values, v => Assert.Contains(v, rules.AllowedValues));
        Assert.True(values.Count(v => v == "delivered") > values.Count(v => v == "new"), "delivered orders should outnumber new ones");
    }

    [Fact]
    public void Choose_PatternTheConceptMisses_TypeFallback()
    {
        var table = Table("users", Text("email"));
        var rules = new ColumnRules { Patterns = ["^admin-[0-9]+$"] };

        Assert.Equal(GeneratorSource.TypeFallback, Chooser.Choose(Context(table, "email", rules: rules)).Source);
    }

    [Fact]
    public void Choose_PatternTheConceptKeeps_Concept()
    {
        var table = Table("users", Text("email"));
        var rules = new ColumnRules { Patterns = [@"^[^@]+@[^@]+\.[a-z]+$"] };
        var choice = Chooser.Choose(Context(table, "email", rules: rules));

        Assert.Equal(GeneratorSource.Concept, choice.Source);
        Assert.All(ValueTestKit.Generate(choice.Generator, 1000, seed: 9), v => Assert.Matches(@"^[^@]+@[^@]+\.[a-z]+$", v));
    }

    [Fact]
    public void Write_CardNumbers_LuhnValid()
    {
        var table = Table("payments", Varchar("card_number", 19));
        Assert.All(ValueTestKit.Generate(Chooser.Choose(Context(table, "card_number")).Generator, 2000, seed: 10), v => Assert.True(Luhn(v), v));
    }

    [Fact]
    public void Write_Ibans_CheckDigitsValid()
    {
        var table = Table("accounts", Text("iban"), Text("city"), Text("country"));
        Assert.All(ValueTestKit.Generate(Chooser.Choose(Context(table, "iban")).Generator, 2000, seed: 11), v => Assert.True(IbanValid(v), v));
    }

    [Fact]
    public void Write_Isbns_CheckDigitValid()
    {
        var table = Table("books", Char("isbn", 13));
        Assert.All(ValueTestKit.Generate(Chooser.Choose(Context(table, "isbn")).Generator, 2000, seed: 12), v =>
        {
            var sum = v.Select((c, i) => (c - '0') * (i % 2 == 0 ? 1 : 3)).Sum();
            Assert.Equal(0, sum % 10);
        });
    }

    [Fact]
    public void Rows_GermanLocale_GermanNamesMostlyInGermany()
    {
        var people = Table("kunden", Text("first_name"), Text("city"), Text("country"));
        var rows = Rows(people, 2000, tableSeed: 21, locale: "de");
        var german = LocaleData.For("de");
        var firstNames = Enumerable.Range(0, german.FemaleFirstNames.Count).Select(german.FemaleFirstNames.Text)
            .Concat(Enumerable.Range(0, german.MaleFirstNames.Count).Select(german.MaleFirstNames.Text))
            .ToHashSet(StringComparer.Ordinal);

        Assert.All(rows, r => Assert.Contains(r["first_name"], firstNames));
        Assert.InRange(rows.Count(r => r["country"] == "Germany") / 2000.0, 0.5, 0.7);
    }

    [Theory]
    [InlineData("de")]
    [InlineData("fr")]
    [InlineData("ja")]
    [InlineData("ru")]
    [InlineData("zh_CN")]
    [InlineData("pt_BR")]
    [InlineData("en_GB")]
    [InlineData("de-DE")]
    [InlineData("xx")]
    public void Rows_AnyLocale_ValidEmailsAndNames(string locale)
    {
        var people = Table("customers", Text("first_name"), Text("last_name"), Varchar("email", 60), Text("username"), Text("company"), Text("street_address"), Text("product_name"));
        var rows = Rows(people, 300, tableSeed: 22, locale: locale);

        Assert.All(rows, r =>
        {
            Assert.Matches(@"^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$", r["email"]);
            Assert.False(string.IsNullOrWhiteSpace(r["first_name"]));
            Assert.False(string.IsNullOrWhiteSpace(r["company"]));
        });
    }

    [Fact]
    public void Write_ReservedEmailDomains_OnlyExampleDomains()
    {
        var chooser = new DetectingChooser(new SemanticOptions { ReservedEmailDomains = true });
        var values = ValueTestKit.Generate(chooser.Choose(Context(Table("users", Text("email")), "email")).Generator, 500, seed: 13);

        Assert.All(values, v => Assert.Matches(@"@example\.(com|net|org)$", v));
    }

    [Fact]
    public void Write_ReferenceTime_BoundsTheTimeline()
    {
        var chooser = new DetectingChooser(new SemanticOptions { ReferenceTime = new DateTimeOffset(2010, 6, 1, 0, 0, 0, TimeSpan.Zero), HistoryYears = 2 });
        var values = ValueTestKit.Generate(chooser.Choose(Context(Table("users", Date("created_on")), "created_on")).Generator, 1000, seed: 14);

        Assert.All(values, v => Assert.InRange(DateOnly.ParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture), new DateOnly(2008, 5, 30), new DateOnly(2010, 6, 2)));
    }

    private static string BaseName(string typeSql) => typeSql switch
    {
        "text" => "text",
        _ when typeSql.StartsWith("character varying", StringComparison.Ordinal) => "varchar",
        _ => "bpchar",
    };

    private static bool Luhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            sum += i % 2 == 1 ? (d * 2 > 9 ? (d * 2) - 9 : d * 2) : d;
        }

        return sum % 10 == 0 && digits.Length is 15 or 16;
    }

    private static bool IbanValid(string iban)
    {
        var rearranged = iban[4..] + iban[..4];
        var number = string.Concat(rearranged.Select(c => char.IsLetter(c) ? (c - 'A' + 10).ToString(CultureInfo.InvariantCulture) : c.ToString()));
        return BigInteger.Parse(number, CultureInfo.InvariantCulture) % 97 == 1;
    }
}
