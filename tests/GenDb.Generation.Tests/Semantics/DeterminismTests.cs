using System.IO.Hashing;
using System.Text;
using GenDb.Generation.Semantics;
using GenDb.Schema;

namespace GenDb.Generation.Tests.Semantics;

/// <summary>The same seed gives the same bytes, on every run and every machine; another seed gives other values.</summary>
public sealed class DeterminismTests(SampleSchemas schemas) : IClassFixture<SampleSchemas>
{
    private const int RowCount = 300;

    [Theory]
    [InlineData("pagila")]
    [InlineData("chinook")]
    public void Rows_SameSeed_ByteIdentical(string schema)
    {
        foreach (var table in Tables(schemas.Model(schema)))
        {
            var first = Bytes(table, schemas.Model(schema), tableSeed: 5);
            var second = Bytes(table, schemas.Model(schema), tableSeed: 5);

            Assert.True(first.AsSpan().SequenceEqual(second), $"{table.Name} differs between two runs");
        }
    }

    [Theory]
    [InlineData("pagila")]
    [InlineData("chinook")]
    public void Rows_OtherSeed_EveryConceptColumnDiffers(string schema)
    {
        var model = schemas.Model(schema);
        foreach (var table in Tables(model))
        {
            var one = SemanticTestKit.Rows(table, RowCount, tableSeed: 5, new DetectingChooser(), model: model);
            var other = SemanticTestKit.Rows(table, RowCount, tableSeed: 6, new DetectingChooser(), model: model);
            foreach (var column in ConceptColumns(table, model))
            {
                Assert.True(
                    one.Zip(other).Any(pair => pair.First[column] != pair.Second[column]),
                    $"{table.Name}.{column} is the same for two seeds");
            }
        }
    }

    /// <summary>
    /// Pinned bytes: a change here means every user's data changes for the same seed (a new
    /// Bogus version, a changed word list, a floating-point difference between machines).
    /// </summary>
    [Fact]
    public void Rows_Customers_MatchThePinnedHash()
    {
        var customers = SemanticTestKit.Table(
            "customers",
            SemanticTestKit.Text("first_name"),
            SemanticTestKit.Text("last_name"),
            SemanticTestKit.Varchar("email", 60),
            SemanticTestKit.Text("city"),
            SemanticTestKit.Text("postal_code"),
            SemanticTestKit.Numeric("balance", 10, 2),
            SemanticTestKit.TimestampTz("created_at"),
            SemanticTestKit.Date("birth_date"),
            SemanticTestKit.Text("description"));
        var text = string.Join('\n', SemanticTestKit.Rows(customers, 1000, tableSeed: 42).Select(r => string.Join('\t', r.Values)));

        Assert.Equal(PinnedCustomersHash, XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(text)));
    }

    private const ulong PinnedCustomersHash = 4875273963246319218;

    private static byte[] Bytes(TableModel table, DatabaseModel model, ulong tableSeed)
    {
        var rows = SemanticTestKit.Rows(table, RowCount, tableSeed, new DetectingChooser(), model: model);
        var columns = ConceptColumns(table, model);
        return Encoding.UTF8.GetBytes(string.Join('\n', rows.Select(r => string.Join('\t', columns.Select(c => r[c])))));
    }

    private static IEnumerable<TableModel> Tables(DatabaseModel model) => model.Tables.Where(t => t.Kind != TableKind.Partition);

    /// <summary>The columns of the table that get a concept (the type fallback has its own tests).</summary>
    private static List<string> ConceptColumns(TableModel table, DatabaseModel model)
    {
        var chooser = new DetectingChooser();
        return [.. table.Columns
            .Where(c => chooser.Choose(SemanticTestKit.Context(table, c.Name, model)).Source == GeneratorSource.Concept)
            .Select(c => c.Name)];
    }
}
