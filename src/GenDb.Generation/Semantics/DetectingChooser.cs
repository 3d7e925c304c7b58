using GenDb.Generation.Semantics.Columns;
using GenDb.Generation.Semantics.Detection;
using GenDb.Generation.Semantics.Generators;
using GenDb.Generation.Values;

namespace GenDb.Generation.Semantics;

/// <summary>
/// Chooses a believable generator from what a column means: its name's words
/// (<c>CustomerEmail</c>, <c>first_name</c>), its type, its table's name (<c>customers.name</c>
/// is a person, <c>cities.name</c> a city) and its neighbours (a <c>name</c> beside an
/// <c>email</c> is a person), offline. Columns of one row agree: a person, a place and a
/// timeline are derived from the table's seed and the row, so an email holds the row's names,
/// a city its region and country, and created comes before updated. Whatever a concept cannot do
/// within the column's type, length, rules or uniqueness goes to the type fallback.
/// </summary>
public sealed class DetectingChooser(SemanticOptions? options = null) : IGeneratorChooser
{
    private readonly SemanticOptions _options = options ?? SemanticOptions.Default;

    public GeneratorChoice Choose(ColumnContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Column.IsGenerated && !context.Column.IsIdentity)
        {
            var facts = ColumnFacts.Read(context);
            if (ConceptDetector.Detect(facts) is { } detection && Build(detection, facts, context) is { } generator)
            {
                return new GeneratorChoice(generator, GeneratorSource.Concept, detection.Reason) { NullFraction = NullFraction(detection.Concept), Timeline = Timeline(detection.Concept) };
            }
        }

        return TypeFallbackChooser.Instance.Choose(context);
    }

    /// <summary>Concepts that are usually absent: a row is rarely deleted, a second address line rarely there.</summary>
    private static double? NullFraction(Concept concept) => concept switch
    {
        Concept.DeletedAt => 0.9,
        Concept.SecondaryAddress => 0.7,
        Concept.MiddleName => 0.5,
        _ => null,
    };

    private static TimelinePoint? Timeline(Concept concept) => concept switch
    {
        Concept.CreatedAt or Concept.StartedAt => TimelinePoint.Origin,
        Concept.UpdatedAt or Concept.DeletedAt or Concept.MilestoneAt or Concept.EndedAt or Concept.LastSeenAt => TimelinePoint.Later,
        _ => null,
    };

    /// <summary>The concept detected for a column, whether or not it can generate for it.</summary>
    internal static ConceptMatch? Detect(ColumnContext context) => ConceptDetector.Detect(ColumnFacts.Read(context));

    private IValueGenerator? Build(ConceptMatch detection, ColumnFacts facts, ColumnContext context)
    {
        try
        {
            var generator = new ConceptFactory(facts, _options).Create(detection);
            return generator is null ? null : RuleGuard.Admit(generator, facts, () => TypeFallbackChooser.Instance.Choose(context).Generator);
        }
        catch (GenerationException)
        {
            return null;
        }
    }
}
