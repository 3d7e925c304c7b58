using System.Globalization;
using GenDb.IntegrationTests.Infrastructure;
using Npgsql;

namespace GenDb.IntegrationTests.Generation;

/// <summary>
/// Rows generated through the proxy read back as a tester would read them: each row's person,
/// place and timeline agree, and foreign keys fan out unevenly. The schema's column names carry
/// the meaning (people.sql); nothing in it is special-cased by GenDB.
/// </summary>
public sealed class BelievableDataTests(PostgresFixture fixture) : IAsyncLifetime
{
    private const int Rows = 2_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // xunit makes an instance per test; the database is generated once for all of them.
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static string? s_database;

    private NpgsqlConnection _direct = null!;

    public async ValueTask InitializeAsync()
    {
        await Once.WaitAsync(Ct);
        try
        {
            if (s_database is null)
            {
                var database = await GenerationDatabase.CreateAsync(fixture, "believable_people", "people", Ct);
                await using var proxied = new NpgsqlConnection(fixture.ProxyConnectionString(database: database) + ";Command Timeout=300");
                await proxied.OpenAsync(Ct);
                // East of UTC: a timestamp child and its timestamptz parent compare in this zone.
                await proxied.ExecAsync("SET TimeZone = 'Asia/Tokyo'");
                await proxied.ExecAsync($"CALL gendb.generate_data(rows => {Rows}, seed => 5)");
                s_database = database;
            }
        }
        finally
        {
            Once.Release();
        }

        _direct = new NpgsqlConnection(fixture.DirectConnectionString(database: s_database));
        await _direct.OpenAsync(Ct);
        await _direct.ExecAsync("SET TimeZone = 'Asia/Tokyo'");
    }

    public async ValueTask DisposeAsync() => await _direct.DisposeAsync();

    [Fact]
    public async Task Employees_EmailAndUsername_AgreeWithTheRowsName()
    {
        // A name's letters, folded to ASCII lower case, as GenDB writes them into addresses.
        var rows = await _direct.RowsAsync("""
            SELECT lower(regexp_replace(first_name, '[^A-Za-z]', '', 'g')), lower(regexp_replace(last_name, '[^A-Za-z]', '', 'g')),
                   lower(split_part(email, '@', 1)), lower(coalesce(username, ''))
            FROM gendb_default__hr.employees
            WHERE first_name ~ '^[A-Za-z'' -]+$' AND last_name ~ '^[A-Za-z'' -]+$'
            """);
        Assert.True(rows.Count > Rows / 2, $"only {rows.Count} rows with ASCII names");

        static bool Agrees(string first, string last, string part) =>
            part.Length > 0 && (part.Contains(last[..Math.Min(3, last.Length)], StringComparison.Ordinal)
                || part.Contains(first[..Math.Min(3, first.Length)], StringComparison.Ordinal));

        var emails = rows.Count(r => Agrees((string)r[0]!, (string)r[1]!, (string)r[2]!));
        var usernames = rows.Count(r => ((string)r[3]!).Length == 0 || Agrees((string)r[0]!, (string)r[1]!, (string)r[3]!));
        Assert.True(emails >= rows.Count * 0.98, $"{emails} of {rows.Count} emails hold the row's name");
        Assert.True(usernames >= rows.Count * 0.98, $"{usernames} of {rows.Count} usernames hold the row's name");
        Assert.Equal(0L, await _direct.ScalarAsync<long>(
            "SELECT count(*) FROM gendb_default__hr.employees WHERE email !~ '^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$'"));
        // By default no generated address can reach a real mailbox (RFC 2606 domains).
        Assert.Equal(0L, await _direct.ScalarAsync<long>(
            "SELECT count(*) FROM gendb_default__hr.employees WHERE email !~ '@example\\.(com|net|org)$'"));
    }

    [Fact]
    public async Task Employees_CityStateCountry_Agree()
    {
        // A city belongs to one region and one country; a country has one code.
        Assert.Empty(await _direct.RowsAsync(
            "SELECT city FROM gendb_default__hr.employees WHERE city IS NOT NULL GROUP BY city HAVING count(DISTINCT (state, country)) FILTER (WHERE state IS NOT NULL AND country IS NOT NULL) > 1"));
        Assert.Empty(await _direct.RowsAsync(
            "SELECT country FROM gendb_default__hr.employees WHERE country IS NOT NULL AND country_code IS NOT NULL GROUP BY country HAVING count(DISTINCT country_code) > 1"));
        Assert.True(await _direct.ScalarAsync<long>("SELECT count(DISTINCT city) FROM gendb_default__hr.employees") > 20);
        Assert.True(await _direct.ScalarAsync<long>("SELECT count(DISTINCT country) FROM gendb_default__hr.employees") > 3);
    }

    [Fact]
    public async Task Timelines_RunForward()
    {
        Assert.Equal(0L, await _direct.ScalarAsync<long>(
            "SELECT count(*) FROM gendb_default__hr.employees WHERE updated_at < created_at OR deleted_at < updated_at OR deleted_at < created_at"));
        Assert.Equal(0L, await _direct.ScalarAsync<long>(
            "SELECT count(*) FROM gendb_default__hr.employees WHERE hire_date < birth_date + interval '18 years'"));
        Assert.Equal(0L, await _direct.ScalarAsync<long>(
            "SELECT count(*) FROM gendb_default__hr.employees WHERE birth_date > date '2025-01-01' - interval '18 years' OR birth_date < date '1930-01-01'"));
        Assert.Equal(Rows, await _direct.ScalarAsync<long>("SELECT count(*) FROM gendb_default__hr.projects"));
        // Most rows are not deleted.
        Assert.InRange(await _direct.ScalarAsync<long>("SELECT count(deleted_at) FROM gendb_default__hr.employees"), Rows / 20, Rows / 5);
    }

    [Fact]
    public async Task Orders_ComeAfterTheirCustomerSignedUp()
    {
        Assert.Equal(0L, await _direct.ScalarAsync<long>("""
            SELECT count(*) FROM gendb_default__public.orders o JOIN gendb_default__public.customers c ON c.id = o.customer_id
            WHERE o.ordered_at < c.signed_up_at
            """));
        Assert.Equal(0L, await _direct.ScalarAsync<long>(
            "SELECT count(*) FROM gendb_default__public.orders WHERE ordered_at > timestamptz '2025-01-01 00:00:00+00'"));
        Assert.Equal(0L, await _direct.ScalarAsync<long>("""
            SELECT count(*) FROM gendb_default__hr.employees e JOIN gendb_default__hr.departments d USING (department_id)
            WHERE e.created_at < d.created_at OR e.updated_at < e.created_at OR e.deleted_at < e.updated_at
            """));
        Assert.Equal(0L, await _direct.ScalarAsync<long>("""
            SELECT count(*) FROM gendb_default__public.order_notes n JOIN gendb_default__public.orders o ON o.id = n.order_id
            WHERE n.created_at < o.ordered_at
            """));
    }

    [Fact]
    public async Task Values_ArePlausibleForTheirConcept()
    {
        var salary = await _direct.RowsAsync("SELECT min(salary), max(salary), count(DISTINCT salary) FROM gendb_default__hr.employees");
        Assert.True((decimal)salary[0][0]! >= 1_000m && (decimal)salary[0][1]! <= 1_000_000m, $"salaries {salary[0][0]}..{salary[0][1]}");
        var totals = await _direct.ScalarAsync<long>("SELECT count(*) FROM gendb_default__public.orders WHERE total <> round(total, 2) OR total > 100000");
        Assert.Equal(0L, totals);
        // Cents: most prices are not whole.
        Assert.True(await _direct.ScalarAsync<long>("SELECT count(*) FROM gendb_default__public.orders WHERE total <> trunc(total)") > Rows / 2);
        // customers.name is a person's name: two or more words, capitalised.
        Assert.True(await _direct.ScalarAsync<long>("SELECT count(*) FROM gendb_default__public.customers WHERE name ~ '^[[:upper:]][^ ]* .*[[:upper:]]'") > Rows * 9 / 10);
        // A status has a few values with a skewed spread, not a uniform one.
        var statuses = await _direct.RowsAsync("SELECT status, count(*) FROM gendb_default__public.orders GROUP BY 1 ORDER BY 2 DESC");
        Assert.InRange(statuses.Count, 2, 12);
        Assert.True((long)statuses[0][1]! > (long)statuses[^1][1]! * 2, string.Join(", ", statuses.Select(s => $"{s[0]}={s[1]}")));
        // A department's name is a department, not prose.
        Assert.Equal(0L, await _direct.ScalarAsync<long>("SELECT count(*) FROM gendb_default__hr.departments WHERE name ~ '[.!?]$' OR length(name) > 60"));
    }

    [Fact]
    public async Task ForeignKeys_FanOutUnevenly()
    {
        var perCustomer = (await _direct.RowsAsync(
                "SELECT count(o.id) FROM gendb_default__public.customers c LEFT JOIN gendb_default__public.orders o ON o.customer_id = c.id GROUP BY c.id ORDER BY 1 DESC"))
            .Select(r => (long)r[0]!).ToList();
        var top = perCustomer.Take(perCustomer.Count / 10).Sum();
        var total = perCustomer.Sum();
        Assert.Equal(Rows, total);
        Assert.True(top >= total * 0.25, string.Create(CultureInfo.InvariantCulture, $"the busiest 10% of customers hold {top} of {total} orders"));
        Assert.True(perCustomer.Count(c => c == 0) > 0, "every customer has an order: the spread is too even");
    }

    [Fact]
    public async Task Locale_Argument_NamesComeFromThatLocale()
    {
        var database = await GenerationDatabase.CreateAsync(fixture, "believable_locale", "people", Ct);
        await using var proxied = new NpgsqlConnection(fixture.ProxyConnectionString(database: database));
        await proxied.OpenAsync(Ct);

        await proxied.ExecAsync("CALL gendb.generate_data(include => 'hr.employees', rows => 500, locale => 'de_DE')");
        var error = await Assert.ThrowsAsync<PostgresException>(() => proxied.ExecAsync("CALL gendb.generate_data(include => 'hr.employees', locale => 'klingon')"));

        Assert.Equal("22023", error.SqlState);
        Assert.Contains("de", error.Hint, StringComparison.Ordinal);
        var german = LastNames("de");
        var names = (await proxied.RowsAsync("SELECT last_name FROM gendb_default__hr.employees")).Select(r => (string)r[0]!).ToList();
        Assert.True(names.Count(german.Contains) >= names.Count * 0.9, $"{names.Count(german.Contains)} of {names.Count} from the de list: {string.Join(", ", names.Take(10))}");
        Assert.True(names.Count(LastNames("en").Contains) < names.Count * 0.5);
    }

    /// <summary>Bogus's own list of a locale's surnames.</summary>
    private static HashSet<string> LastNames(string locale)
    {
        var array = (Bogus.Bson.BArray)Bogus.Database.Get("name", "last_name", locale, locale);
        return [.. Enumerable.Range(0, array.Count).Select(i => array[i].StringValue)];
    }
}
