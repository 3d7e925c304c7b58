using System.Text;
using System.Text.RegularExpressions;

namespace GenDb.Commands.Routing;

/// <summary>
/// The <c>include</c>/<c>exclude</c> argument: comma-separated globs (<c>*</c>, <c>?</c>), each with
/// an optional schema prefix (<c>sales.orders</c>, <c>public.*</c>). A pattern without a prefix
/// matches the tables that an unqualified name resolves to through the session's search_path.
/// </summary>
public sealed class TablePatterns
{
    private TablePatterns(IReadOnlyList<TablePattern> patterns) => Patterns = patterns;

    public IReadOnlyList<TablePattern> Patterns { get; }

    public bool IsEmpty => Patterns.Count == 0;

    public static TablePatterns Parse(string? text) => new(
        (text ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(TablePattern.Parse)
            .ToList());

    /// <summary>True when any pattern matches.</summary>
    public bool Matches(TableCandidate table) => Patterns.Any(p => p.Matches(table));
}

/// <summary>A table that patterns are matched against.</summary>
/// <param name="Schema">The source (real) schema.</param>
/// <param name="Name">The table's name.</param>
/// <param name="IsOnSearchPath">Whether the unqualified name resolves to this schema's table.</param>
public sealed record TableCandidate(string Schema, string Name, bool IsOnSearchPath);

public sealed class TablePattern
{
    private readonly Regex? _schema;
    private readonly Regex _table;

    private TablePattern(string text, Regex? schema, Regex table)
    {
        Text = text;
        _schema = schema;
        _table = table;
    }

    public string Text { get; }

    public static TablePattern Parse(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot < 0
            ? new TablePattern(text, null, Glob(text))
            : new TablePattern(text, Glob(text[..dot]), Glob(text[(dot + 1)..]));
    }

    public bool Matches(TableCandidate table) => _schema is null
        ? table.IsOnSearchPath && _table.IsMatch(table.Name)
        : _schema.IsMatch(table.Schema) && _table.IsMatch(table.Name);

    private static Regex Glob(string glob)
    {
        var pattern = new StringBuilder("^");
        foreach (var c in glob)
        {
            pattern.Append(c switch
            {
                '*' => ".*",
                '?' => ".",
                _ => Regex.Escape(c.ToString()),
            });
        }

        return new Regex(pattern.Append('$').ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }
}
