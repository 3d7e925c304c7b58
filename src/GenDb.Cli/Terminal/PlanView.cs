using System.Globalization;
using GenDb.Generation.Engine;
using Spectre.Console;

namespace GenDb.Cli.Terminal;

/// <summary>
/// <c>gendb inspect</c> for people: per table a heading with its rows and load path, a table of
/// its columns (type, generator, where the choice came from and why, the constraints the values
/// keep), and the engine's notes.
/// </summary>
internal static class PlanView
{
    public static void Write(IAnsiConsole console, IReadOnlyList<PlannedTable> plans)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(plans);
        foreach (var plan in plans)
        {
            console.Write(new Rule($"[bold]{Markup.Escape(plan.Table.ToString())}[/]") { Justification = Justify.Left });
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"{plan.Rows:N0} rows into [blue]{Markup.Escape(plan.Synthetic.ToString())}[/], load: {Markup.Escape(plan.Load)}"));

            var table = new Table { Border = TableBorder.Rounded }
                .AddColumn("column")
                .AddColumn("type")
                .AddColumn("generator")
                .AddColumn("source (why)")
                .AddColumn("example")
                .AddColumn("constraints");
            foreach (var column in plan.Columns)
            {
                table.AddRow(
                    new Text(column.Name, new Style(decoration: Decoration.Bold)),
                    new Text(column.Type),
                    new Text(column.Generator, new Style(SourceColor(column.Source))),
                    new Text($"{SourceName(column.Source)}: {Why(column)}"),
                    new Text(column.Examples.Count == 0 ? string.Empty : column.Examples[0], new Style(Color.Green)),
                    new Text(string.Join(Environment.NewLine, column.Constraints), new Style(Color.Grey)));
            }

            console.Write(table);
            foreach (var note in plan.Notes)
            {
                console.MarkupLine($"[yellow]note:[/] {Markup.Escape(note)}");
            }

            console.WriteLine();
        }
    }

    /// <summary>
    /// The reason without the generator it repeats: <c>person first name (column name)</c> under
    /// generator <c>person first name</c> reads <c>column name</c>.
    /// </summary>
    public static string Why(PlannedColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (!column.Reason.StartsWith(column.Generator, StringComparison.Ordinal) || column.Reason.Length == column.Generator.Length)
        {
            return column.Reason;
        }

        var rest = column.Reason[column.Generator.Length..].Trim();
        return rest.StartsWith('(') && rest.IndexOf(')', StringComparison.Ordinal) == rest.Length - 1 ? rest[1..^1] : rest;
    }

    /// <summary>Where a choice came from, in the words of gendb.yaml and the guide.</summary>
    public static string SourceName(PlannedSource source) => source switch
    {
        PlannedSource.Override => "gendb.yaml",
        PlannedSource.ColumnRule => "column rule",
        PlannedSource.Concept => "detected",
        PlannedSource.TypeFallback => "type",
        PlannedSource.ForeignKey => "foreign key",
        PlannedSource.Database => "PostgreSQL",
        PlannedSource.Null => "NULL",
        _ => source.ToString(),
    };

    private static Color SourceColor(PlannedSource source) => source switch
    {
        PlannedSource.Override or PlannedSource.ColumnRule => Color.Green,
        PlannedSource.Concept => Color.Aqua,
        PlannedSource.ForeignKey => Color.Blue,
        PlannedSource.Null => Color.Yellow,
        _ => Color.Default,
    };
}
