using GenDb.Generation.Constraints;
using GenDb.Generation.Randomness;
using GenDb.Generation.Semantics;
using GenDb.Generation.Tests.Values;
using GenDb.Generation.Values;
using GenDb.Schema;

namespace GenDb.Generation.Tests.Semantics;

/// <summary>Hand-made tables, column contexts and whole generated rows for the semantic tests.</summary>
internal static class SemanticTestKit
{
    public static ColumnModel Text(string name) => ValueTestKit.Column(name, "text", ValueTestKit.BuiltIn("text"));

    public static ColumnModel Varchar(string name, int length) => ValueTestKit.Column(name, $"character varying({length})", ValueTestKit.BuiltIn("varchar"));

    public static ColumnModel Char(string name, int length) => ValueTestKit.Column(name, $"character({length})", ValueTestKit.BuiltIn("bpchar"));

    public static ColumnModel Integer(string name) => ValueTestKit.Column(name, "integer", ValueTestKit.BuiltIn("int4"));

    public static ColumnModel Numeric(string name, int precision, int scale) =>
        ValueTestKit.Column(name, $"numeric({precision},{scale})", ValueTestKit.BuiltIn("numeric"));

    public static ColumnModel Date(string name) => ValueTestKit.Column(name, "date", ValueTestKit.BuiltIn("date"));

    public static ColumnModel TimestampTz(string name) => ValueTestKit.Column(name, "timestamp with time zone", ValueTestKit.BuiltIn("timestamptz"));

    public static TableModel Table(string name, params ColumnModel[] columns) =>
        new("public", name, 1, TableKind.Ordinary, null, null, null, [], [.. columns.Select((c, i) => c with { Position = i + 1 })], [], [], null);

    public static DatabaseModel Model(params TableModel[] tables) => new(tables, [], []);

    public static ColumnContext Context(TableModel table, string column, DatabaseModel? model = null, ColumnRules? rules = null, bool unique = false, ulong tableSeed = 1, string locale = "en") =>
        new(table, table.Column(column), model ?? Model(table), rules ?? ColumnRules.None, unique, tableSeed, locale);

    /// <summary>
    /// Rows of the table as the engine makes them: every column chosen by <paramref name="chooser"/>
    /// and written from its own stream, seeded apart from the table's seed.
    /// </summary>
    public static List<Dictionary<string, string>> Rows(
        TableModel table, int count, ulong tableSeed, IGeneratorChooser? chooser = null, string locale = "en", DatabaseModel? model = null)
    {
        chooser ??= new DetectingChooser();
        model ??= Model(table);
        var columns = table.Columns.Select(c => (c.Name, chooser.Choose(Context(table, c.Name, model, tableSeed: tableSeed, locale: locale)).Generator)).ToList();
        var streams = columns.Select(c => new Rng(StableSeed.Derive(unchecked((long)tableSeed), table.Name, c.Name))).ToArray();
        var output = new ValueBuilder();
        var rows = new List<Dictionary<string, string>>(count);
        for (var row = 0; row < count; row++)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < columns.Count; i++)
            {
                output.Clear();
                columns[i].Generator.Write(row, ref streams[i], output);
                values[columns[i].Name] = output.ToString();
            }

            rows.Add(values);
        }

        return rows;
    }
}
