using GenDb.Sql.Npgsql;
using System.Text;
using GenDb.Generation.Constraints;
using GenDb.Generation.Semantics;
using GenDb.Generation.Tests.Infrastructure;
using GenDb.Generation.Tests.Values;
using GenDb.Schema;
using Npgsql;

namespace GenDb.Generation.Tests.Semantics;

/// <summary>Concept values are accepted by a real PostgreSQL for their columns' types, lengths, CHECKs and UNIQUE constraints.</summary>
public sealed class RoundTripTests(SampleSchemas schemas, ClusterFixture cluster) : IClassFixture<SampleSchemas>
{
    private const int RowCount = 500;

    /// <summary>A table whose constraints every concept must honour, or leave to the type fallback.</summary>
    private const string CheckedTable = """
        CREATE TABLE members (
            id serial PRIMARY KEY,
            email varchar(40) NOT NULL UNIQUE CHECK (email ~ '^[^@]+@[^@]+\.[a-z]+$'),
            username varchar(16) UNIQUE,
            first_name varchar(8),
            status text CHECK (status IN ('active', 'inactive', 'banned')),
            gender char(1) CHECK (gender IN ('F', 'M', 'X')),
            price numeric(6,2) CHECK (price > 0 AND price < 100),
            rating smallint CHECK (rating BETWEEN 1 AND 10),
            created_at timestamptz CHECK (created_at >= '2024-06-01 00:00:00+00' AND created_at < '2024-07-01 00:00:00+00'),
            birth_date date CHECK (birth_date < '2000-01-01'),
            country_code char(2),
            sku varchar(20) UNIQUE,
            city varchar(6),
            bio varchar(60) CHECK (length(bio) >= 20),
            zip text CHECK (zip ~ '^[0-9]{5}$'),
            latitude numeric(8,6),
            website text UNIQUE,
            code varchar(6) UNIQUE,
            ip inet,
            uuid uuid UNIQUE,
            isbn char(13) UNIQUE,
            card_number varchar(19) UNIQUE,
            iban varchar(34),
            quantity integer CHECK (quantity <> 1)
        );
        """;

    [Theory]
    [InlineData("pagila")]
    [InlineData("chinook")]
    public async Task Copy_SampleSchemaConceptColumns_AllAccepted(string schema)
    {
        var model = schemas.Model(schema);
        await using var connection = await schemas.OpenAsync(schema);
        var chooser = new DetectingChooser();
        foreach (var table in model.Tables.Where(t => t.Kind != TableKind.Partition))
        {
            var columns = table.Columns
                .Where(c => chooser.Choose(SemanticTestKit.Context(table, c.Name, model)).Source == GeneratorSource.Concept)
                .Select(c => c.Name)
                .ToList();
            if (columns.Count == 0)
            {
                continue;
            }

            // Same column types (domains and typmods included), none of the table's keys.
            var probe = $"probe_{table.Name}";
            var list = string.Join(", ", columns.Select(Quote));
            await connection.ExecAsync($"CREATE TABLE {probe} AS SELECT {list} FROM {Quote(table.Name)} WITH NO DATA");
            var rows = SemanticTestKit.Rows(table, RowCount, tableSeed: 3, chooser, model: model);
            await CopyAsync(connection, probe, columns, rows);

            Assert.Equal(RowCount, await connection.ScalarAsync<long>($"SELECT count(*) FROM {probe}"));
        }
    }

    [Fact]
    public async Task Copy_ConstrainedTable_EveryRowAccepted()
    {
        var connectionString = await cluster.CreateDatabaseAsync("sem_checked");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await connection.ExecAsync(CheckedTable);
        var model = await SchemaIntrospector.ReadAsync(new NpgsqlSqlSession(connection), TestContext.Current.CancellationToken);
        var table = model.FindTable("public", "members")!;
        var checks = CheckReader.ReadAll(table.Constraints.Where(c => c.Kind == ConstraintKind.Check).Select(c => c.Definition));
        var unique = table.Constraints
            .Where(c => c.Kind is ConstraintKind.Unique or ConstraintKind.PrimaryKey && c.Columns.Count == 1)
            .Select(c => c.Columns[0])
            .ToHashSet(StringComparer.Ordinal);

        var chooser = new DetectingChooser();
        var columns = table.Columns.Where(c => c.Name != "id").ToList();
        var choices = columns.ToDictionary(
            c => c.Name,
            c => chooser.Choose(new ColumnContext(table, c, model, checks.For(c.Name), unique.Contains(c.Name), TableSeed: 9, Locale: "en")));
        var rows = Generate(choices, 2000);
        foreach (var (column, choice) in choices)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"{column}: {choice.Reason} | {rows[0][column]} | {rows[1][column]}");
        }

        await CopyAsync(connection, "members", [.. choices.Keys], rows);

        Assert.Equal(2000, await connection.ScalarAsync<long>("SELECT count(*) FROM members"));
        var concepts = choices.Where(c => c.Value.Source == GeneratorSource.Concept).Select(c => c.Key).ToList();
        Assert.True(concepts.Count >= 18, "concepts for: " + string.Join(", ", concepts));
        foreach (var column in unique.Where(choices.ContainsKey))
        {
            Assert.True(choices[column].Generator.IsUnique, $"{column} is not unique by construction");
        }
    }

    private static List<Dictionary<string, string>> Generate(Dictionary<string, GeneratorChoice> choices, int count)
    {
        var streams = choices.Keys.Select(c => new Randomness.Rng(Randomness.StableSeed.Derive(9, c))).ToArray();
        var output = new Generation.Values.ValueBuilder();
        var rows = new List<Dictionary<string, string>>(count);
        for (var row = 0; row < count; row++)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var i = 0;
            foreach (var (column, choice) in choices)
            {
                output.Clear();
                choice.Generator.Write(row, ref streams[i++], output);
                values[column] = output.ToString();
            }

            rows.Add(values);
        }

        return rows;
    }

    /// <summary>Text COPY of several columns, escaped as the loader escapes.</summary>
    private static async Task CopyAsync(NpgsqlConnection connection, string table, IReadOnlyList<string> columns, List<Dictionary<string, string>> rows)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var writer = await connection.BeginTextImportAsync($"COPY {Quote(table)} ({string.Join(", ", columns.Select(Quote))}) FROM STDIN", ct);
        var line = new StringBuilder();
        foreach (var row in rows)
        {
            line.Clear();
            for (var i = 0; i < columns.Count; i++)
            {
                if (i > 0)
                {
                    line.Append('\t');
                }

                foreach (var c in row[columns[i]])
                {
                    line.Append(c switch
                    {
                        '\\' => "\\\\",
                        '\t' => "\\t",
                        '\n' => "\\n",
                        '\r' => "\\r",
                        _ => c.ToString(),
                    });
                }
            }

            line.Append('\n');
            await writer.WriteAsync(line, ct);
        }
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
