using System.Text.RegularExpressions;
using GenDb.Generation.Semantics;

namespace GenDb.Generation.Tests.Semantics;

/// <summary>docs/generators.md keeps up with the <see cref="Concept"/> enum: a new concept without a row there fails the build.</summary>
public sealed partial class GeneratorsDocTests
{
    private static readonly Lazy<string[]> DocLines = new(() => File.ReadAllLines(Path.Combine(RepositoryRoot(), "docs", "generators.md")));

    [Fact]
    public void GeneratorsDoc_EveryConcept_HasARow()
    {
        var rows = DocumentedConcepts().ToHashSet(StringComparer.Ordinal);

        var missing = Enum.GetNames<Concept>().Where(name => !rows.Contains(name)).ToList();

        Assert.True(missing.Count == 0, $"docs/generators.md has no table row (| `Name` (…) | …) for: {string.Join(", ", missing)}");
    }

    [Fact]
    public void GeneratorsDoc_EveryRow_NamesAConcept()
    {
        var stale = DocumentedConcepts().Where(name => !Enum.TryParse<Concept>(name, out _)).ToList();

        Assert.True(stale.Count == 0, $"docs/generators.md documents concepts that no longer exist: {string.Join(", ", stale)}");
    }

    /// <summary>The concepts of the doc's tables: rows that start <c>| `FirstName` (person first name) |</c>.</summary>
    private static IEnumerable<string> DocumentedConcepts() =>
        DocLines.Value.Select(line => ConceptRow().Match(line)).Where(m => m.Success).Select(m => m.Groups["name"].Value);

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "GenDb.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No GenDb.slnx above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"^\|\s*`(?<name>[A-Za-z]+)`\s*\(")]
    private static partial Regex ConceptRow();
}
