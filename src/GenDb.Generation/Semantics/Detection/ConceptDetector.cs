using System.Collections.Frozen;
using GenDb.Generation.Semantics.Columns;
using GenDb.Generation.Semantics.Data;

namespace GenDb.Generation.Semantics.Detection;

/// <summary>
/// Finds a column's concept, offline, from its words, its type, its table's name and its
/// neighbours. The first rule that matches wins; rules are ordered from the most telling words
/// (<c>email</c>, <c>first name</c>) to the least (<c>name</c>, <c>type</c>).
/// </summary>
internal static partial class ConceptDetector
{
    private const string ColumnName = "column name";

    /// <summary>Words that say which of several people or places of a row a column belongs to.</summary>
    private static readonly FrozenSet<string> RoleWords = FrozenSet.Create(
        StringComparer.Ordinal,
        "billing", "shipping", "delivery", "home", "work", "office", "mailing", "business", "personal", "primary", "secondary",
        "alternate", "emergency", "manager", "owner", "sender", "recipient", "buyer", "seller", "parent", "mother", "father",
        "spouse", "contact", "origin", "destination", "pickup", "dropoff", "invoice", "legal", "registered");

    public static ConceptMatch? Detect(ColumnFacts facts)
    {
        if (facts.Shape.Kind == ValueKind.Unsupported || facts.Words.Length == 0)
        {
            return null;
        }

        var found = facts.Shape.IsInstant || facts.Shape.Kind is ValueKind.Time or ValueKind.Interval
            ? Temporal(facts)
            : ByName(facts);

        // A CHECK's list or an enum's labels are the values; status, flag and gender concepts
        // weight them by what they mean, anything else by their order.
        var keepsLists = found?.Concept is Concept.Status or Concept.Flag or Concept.Gender;
        if (facts.Rules.Allowed is { Count: > 0 } allowed && !keepsLists)
        {
            return new ConceptMatch(Concept.Choice, $"one of {allowed.Count} values allowed by a CHECK")
            {
                Choices = ChoiceSets.Ordered("CHECK values", allowed),
            };
        }

        if (facts.Shape.Kind == ValueKind.Enum && !keepsLists)
        {
            return new ConceptMatch(Concept.Choice, $"labels of enum {facts.Shape.TypeSql}")
            {
                Choices = ChoiceSets.Ordered($"enum {facts.Shape.TypeSql}", facts.Shape.Labels),
            };
        }

        found ??= ByType(facts);
        return found is null ? null : found with { Role = RoleOf(facts) };
    }

    /// <summary>Types that say enough on their own.</summary>
    private static ConceptMatch? ByType(ColumnFacts f) => f.Shape.Kind switch
    {
        ValueKind.Inet => new ConceptMatch(Concept.IpAddress, "type inet"),
        ValueKind.MacAddress => new ConceptMatch(Concept.MacAddress, "type macaddr"),
        _ => null,
    };

    private static string RoleOf(ColumnFacts f)
    {
        foreach (var word in f.Words)
        {
            if (RoleWords.Contains(word) && !f.TableWords.Contains(word))
            {
                return word;
            }
        }

        return string.Empty;
    }

    private static ConceptMatch Found(Concept concept, string evidence = ColumnName, string? variant = null) =>
        new(concept, evidence) { Variant = variant };
}
