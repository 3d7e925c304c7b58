using GenDb.Generation.Constraints;
using GenDb.Generation.Semantics;
using GenDb.Schema;

namespace GenDb.Generation.Tests.Semantics;

/// <summary>Concept detection on the real Pagila and Chinook schemas, against lists written by reading them.</summary>
public sealed class DetectionTests(SampleSchemas schemas) : IClassFixture<SampleSchemas>
{
    private const double RequiredShare = 0.9;

    /// <summary>
    /// Every non-key text, date/time and numeric column of Pagila (partitions are generated
    /// through their parent), with the concept it should get; null where none should be found.
    /// </summary>
    internal static IReadOnlyDictionary<string, Concept?> Pagila { get; } = new Dictionary<string, Concept?>
    {
        ["actor.first_name"] = Concept.FirstName,
        ["actor.last_name"] = Concept.LastName,
        ["actor.last_update"] = Concept.UpdatedAt,
        ["address.address"] = Concept.StreetAddress,
        ["address.address2"] = Concept.SecondaryAddress,
        ["address.district"] = Concept.Region,
        ["address.postal_code"] = Concept.PostalCode,
        ["address.phone"] = Concept.Phone,
        ["address.last_update"] = Concept.UpdatedAt,
        ["category.name"] = Concept.Category,
        ["category.last_update"] = Concept.UpdatedAt,
        ["city.city"] = Concept.City,
        ["city.last_update"] = Concept.UpdatedAt,
        ["country.country"] = Concept.Country,
        ["country.last_update"] = Concept.UpdatedAt,
        ["customer.first_name"] = Concept.FirstName,
        ["customer.last_name"] = Concept.LastName,
        ["customer.email"] = Concept.Email,
        ["customer.create_date"] = Concept.CreatedAt,
        ["customer.last_update"] = Concept.UpdatedAt,
        ["customer.active"] = Concept.Flag,
        ["film.title"] = Concept.Title,
        ["film.description"] = Concept.Prose,
        ["film.release_year"] = Concept.Year,
        ["film.rental_duration"] = Concept.Duration,
        ["film.rental_rate"] = Concept.Price,
        ["film.length"] = Concept.Duration,
        ["film.replacement_cost"] = Concept.Price,
        ["film.last_update"] = Concept.UpdatedAt,
        ["film_actor.last_update"] = Concept.UpdatedAt,
        ["film_category.last_update"] = Concept.UpdatedAt,
        ["inventory.last_update"] = Concept.UpdatedAt,
        ["language.name"] = Concept.LanguageName,
        ["language.last_update"] = Concept.UpdatedAt,
        ["payment.amount"] = Concept.Amount,
        ["rental.rental_date"] = Concept.StartedAt,
        ["rental.return_date"] = Concept.EndedAt,
        ["rental.last_update"] = Concept.UpdatedAt,
        ["staff.first_name"] = Concept.FirstName,
        ["staff.last_name"] = Concept.LastName,
        ["staff.email"] = Concept.Email,
        ["staff.username"] = Concept.Username,
        ["staff.password"] = Concept.PasswordHash,
        ["staff.last_update"] = Concept.UpdatedAt,
        ["store.last_update"] = Concept.UpdatedAt,

        // A reference without a foreign key: its values must come from staff, not from a concept.
        ["store.manager_staff_id"] = null,
    };

    /// <summary>Every non-key text, date/time and numeric column of Chinook.</summary>
    internal static IReadOnlyDictionary<string, Concept?> Chinook { get; } = new Dictionary<string, Concept?>
    {
        ["album.title"] = Concept.Title,
        ["artist.name"] = Concept.ArtistName,
        ["customer.first_name"] = Concept.FirstName,
        ["customer.last_name"] = Concept.LastName,
        ["customer.company"] = Concept.Company,
        ["customer.address"] = Concept.StreetAddress,
        ["customer.city"] = Concept.City,
        ["customer.state"] = Concept.Region,
        ["customer.country"] = Concept.Country,
        ["customer.postal_code"] = Concept.PostalCode,
        ["customer.phone"] = Concept.Phone,
        ["customer.fax"] = Concept.Phone,
        ["customer.email"] = Concept.Email,
        ["employee.last_name"] = Concept.LastName,
        ["employee.first_name"] = Concept.FirstName,
        ["employee.title"] = Concept.JobTitle,
        ["employee.birth_date"] = Concept.BirthDate,
        ["employee.hire_date"] = Concept.HireDate,
        ["employee.address"] = Concept.StreetAddress,
        ["employee.city"] = Concept.City,
        ["employee.state"] = Concept.Region,
        ["employee.country"] = Concept.Country,
        ["employee.postal_code"] = Concept.PostalCode,
        ["employee.phone"] = Concept.Phone,
        ["employee.fax"] = Concept.Phone,
        ["employee.email"] = Concept.Email,
        ["genre.name"] = Concept.Genre,
        ["invoice.invoice_date"] = Concept.StartedAt,
        ["invoice.billing_address"] = Concept.StreetAddress,
        ["invoice.billing_city"] = Concept.City,
        ["invoice.billing_state"] = Concept.Region,
        ["invoice.billing_country"] = Concept.Country,
        ["invoice.billing_postal_code"] = Concept.PostalCode,
        ["invoice.total"] = Concept.Amount,
        ["invoice_line.unit_price"] = Concept.Price,
        ["invoice_line.quantity"] = Concept.Quantity,
        ["media_type.name"] = Concept.MediaFormat,
        ["playlist.name"] = Concept.PlaylistName,
        ["track.name"] = Concept.Title,
        ["track.composer"] = Concept.PersonNames,
        ["track.milliseconds"] = Concept.Duration,
        ["track.bytes"] = Concept.FileSize,
        ["track.unit_price"] = Concept.Price,
    };

    [Theory]
    [InlineData("pagila")]
    [InlineData("chinook")]
    public void ExpectedList_CoversEveryNonKeyColumn(string schema)
    {
        var counted = CountedColumns(schemas.Model(schema)).Select(c => Name(c.Table, c.Column)).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(Expected(schema).Keys.Order(StringComparer.Ordinal), counted);
    }

    [Theory]
    [InlineData("pagila")]
    [InlineData("chinook")]
    public void Detect_RealSchema_MatchesTheExpectedConcepts(string schema)
    {
        var model = schemas.Model(schema);
        var expected = Expected(schema);
        var wrong = new List<string>();
        foreach (var (table, column) in CountedColumns(model))
        {
            var found = DetectingChooser.Detect(Context(model, table, column));
            if (found?.Concept != expected[Name(table, column)])
            {
                wrong.Add($"{Name(table, column)}: {found?.Concept.ToString() ?? "nothing"}, expected {expected[Name(table, column)]}");
            }
        }

        Assert.True(wrong.Count <= expected.Count * (1 - RequiredShare), string.Join("\n", wrong));
        TestContext.Current.TestOutputHelper?.WriteLine($"{schema}: {expected.Count - wrong.Count} of {expected.Count} as expected");
    }

    [Theory]
    [InlineData("pagila")]
    [InlineData("chinook")]
    public void Choose_RealSchema_AtLeastNinetyPercentGetAConcept(string schema)
    {
        var model = schemas.Model(schema);
        var chooser = new DetectingChooser();
        var columns = CountedColumns(model).ToList();
        var fallbacks = columns
            .Select(c => (c, Choice: chooser.Choose(Context(model, c.Table, c.Column))))
            .Where(x => x.Choice.Source != GeneratorSource.Concept)
            .Select(x => $"{Name(x.c.Table, x.c.Column)}: {x.Choice.Reason}")
            .ToList();

        var share = 1 - ((double)fallbacks.Count / columns.Count);
        TestContext.Current.TestOutputHelper?.WriteLine($"{schema}: {share:P1} of {columns.Count} columns get a concept");
        Assert.True(share >= RequiredShare, $"{share:P1} get a concept; type fallback for:\n{string.Join("\n", fallbacks)}");
    }

    [Theory]
    [InlineData("customer", "email", "email (column name)")]
    [InlineData("invoice", "billing_postal_code", "postal code (column name)")]
    [InlineData("artist", "name", "artist name (table artist, column name)")]
    [InlineData("track", "milliseconds", "duration: milliseconds (column name)")]
    [InlineData("city", "city", "city (table city)", "pagila")]
    [InlineData("customer", "active", "flag, mostly set (few values, skewed) (column name)", "pagila")]
    public void Choose_SampleSchema_ExplainsTheChoice(string table, string column, string reason, string schema = "chinook")
    {
        var model = schemas.Model(schema);
        var choice = new DetectingChooser().Choose(Context(model, model.FindTable("public", table)!, model.FindTable("public", table)!.Column(column)));

        Assert.Equal(GeneratorSource.Concept, choice.Source);
        Assert.Equal(reason, choice.Reason);
    }

    private static IReadOnlyDictionary<string, Concept?> Expected(string schema) => schema == "pagila" ? Pagila : Chinook;

    private static string Name(TableModel table, ColumnModel column) => $"{table.Name}.{column.Name}";

    private static ColumnContext Context(DatabaseModel model, TableModel table, ColumnModel column) =>
        new(table, column, model, ColumnRules.None, Unique: false, TableSeed: 7, Locale: "en");

    /// <summary>Non-key columns of text, date/time and numeric types (domains looked through), of tables that are not partitions.</summary>
    private static IEnumerable<(TableModel Table, ColumnModel Column)> CountedColumns(DatabaseModel model)
    {
        foreach (var table in model.Tables.Where(t => t.Kind != TableKind.Partition))
        {
            // A partitioned table's foreign keys may be declared on its partitions (Pagila's payment).
            var keys = table.Constraints
                .Concat(model.Tables.Where(p => p.Parent == table.QualifiedName).SelectMany(p => p.Constraints))
                .Where(c => c.Kind is ConstraintKind.PrimaryKey or ConstraintKind.ForeignKey)
                .SelectMany(c => c.Columns)
                .ToHashSet(StringComparer.Ordinal);
            foreach (var column in table.Columns.Where(c => !keys.Contains(c.Name) && IsCounted(model, c)))
            {
                yield return (table, column);
            }
        }
    }

    private static bool IsCounted(DatabaseModel model, ColumnModel column)
    {
        if (column.IsArray)
        {
            return false;
        }

        var type = column.Type;
        while (type.Kind == TypeKind.Domain && model.FindType(type.Schema, type.Name) is DomainTypeModel domain)
        {
            type = domain.BaseType;
        }

        return type.Kind == TypeKind.Base && (type.Name is "text" or "varchar" or "bpchar" or "citext"
            or "int2" or "int4" or "int8" or "numeric" or "float4" or "float8" or "money"
            or "date" or "timestamp" or "timestamptz" or "time" or "timetz" or "interval");
    }
}
