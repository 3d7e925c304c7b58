using System.Runtime.CompilerServices;
using GenDb.Generation.Semantics.Columns;
using GenDb.Schema;

namespace GenDb.Generation.Semantics.Detection;

/// <summary>What the schema as a whole is about, for names that mean different things in different domains.</summary>
internal sealed record SchemaHints(bool Music, bool Film, bool Books, bool Commerce)
{
    private static readonly ConditionalWeakTable<DatabaseModel, SchemaHints> Cache = [];

    public static SchemaHints Of(DatabaseModel model) => Cache.GetValue(model, Read);

    private static SchemaHints Read(DatabaseModel model)
    {
        var heads = model.Tables.Select(t => TableHead(t.Name)).ToHashSet(StringComparer.Ordinal);
        return new SchemaHints(
            Music: heads.Overlaps(["track", "album", "artist", "song", "playlist"]),
            Film: heads.Overlaps(["film", "movie", "actor", "episode"]),
            Books: heads.Overlaps(["book", "author", "publisher"]),
            Commerce: heads.Overlaps(["product", "order", "cart", "sku", "item"]));
    }

    private static string TableHead(string name) => NameWords.Split(name) is { Length: > 0 } words ? NameWords.Singular(words[^1]) : name;
}

/// <summary>Everything detection looks at for one column: its words, its type, its table and its neighbours.</summary>
internal sealed class ColumnFacts
{
    private ColumnFacts(ColumnContext context, ColumnShape shape, string[] words, string[] tableWords, IReadOnlyList<string[]> neighbours)
    {
        Context = context;
        Shape = shape;
        Rules = new RuleView(shape.Rules);
        Words = words;
        TableWords = tableWords;
        Neighbours = neighbours;
        Hints = SchemaHints.Of(context.Model);
        var typeMax = shape.MaxChars ?? int.MaxValue;
        var ruleMax = Rules.MaxLength ?? int.MaxValue;
        MaxChars = Math.Min(typeMax, ruleMax) is var max && max == int.MaxValue ? null : max;
    }

    public ColumnContext Context { get; }

    public ColumnShape Shape { get; }

    public RuleView Rules { get; }

    /// <summary>The column's words: <c>billing_postal_code</c> → billing, postal, code.</summary>
    public string[] Words { get; }

    /// <summary>The table's words, singular: <c>customer_addresses</c> → customer, address.</summary>
    public string[] TableWords { get; }

    /// <summary>The words of the table's other columns.</summary>
    public IReadOnlyList<string[]> Neighbours { get; }

    public SchemaHints Hints { get; }

    /// <summary>The most characters a value may have: varchar(n) and length CHECKs together.</summary>
    public int? MaxChars { get; }

    public int MinChars => Rules.MinLength ?? 0;

    public bool Unique => Context.Unique;

    /// <summary>The last word of the table's name, singular: what one row of it is.</summary>
    public string TableHead => TableWords.Length > 0 ? TableWords[^1] : string.Empty;

    public string TableName => Context.Table.Name;

    public static ColumnFacts Read(ColumnContext context)
    {
        var shape = ColumnShape.Read(context.Column, context.Model, context.Rules);
        var words = NameWords.Split(context.Column.Name);
        var tableWords = NameWords.Split(context.Table.Name).Select(NameWords.Singular).ToArray();
        var neighbours = context.Table.Columns
            .Where(c => c.Name != context.Column.Name)
            .Select(c => NameWords.Split(c.Name))
            .ToList();
        return new ColumnFacts(context, shape, words, tableWords, neighbours);
    }

    public bool Has(string word) => Words.Contains(word);

    public bool HasAny(params ReadOnlySpan<string> words)
    {
        foreach (var word in words)
        {
            if (Words.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The words appear one after the other: <c>HasPhrase("first", "name")</c>.</summary>
    public bool HasPhrase(params string[] phrase) => IndexOfPhrase(Words, phrase) >= 0;

    public bool TableIs(params ReadOnlySpan<string> heads)
    {
        foreach (var head in heads)
        {
            if (TableHead == head)
            {
                return true;
            }
        }

        return false;
    }

    public bool TableHasWord(params ReadOnlySpan<string> words)
    {
        foreach (var word in words)
        {
            if (TableWords.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Some other column of the table has one of these words.</summary>
    public bool NeighbourHas(params string[] words) => Neighbours.Any(n => n.Any(words.Contains));

    /// <summary>Some other column of the table has this phrase.</summary>
    public bool NeighbourHasPhrase(params string[] phrase) => Neighbours.Any(n => IndexOfPhrase(n, phrase) >= 0);

    private static int IndexOfPhrase(string[] words, string[] phrase)
    {
        for (var i = 0; i + phrase.Length <= words.Length; i++)
        {
            if (words.AsSpan(i, phrase.Length).SequenceEqual(phrase))
            {
                return i;
            }
        }

        return -1;
    }
}
