using GenDb.Generation.Profiles;
using GenDb.Generation.Semantics;
using GenDb.Schema;

namespace GenDb.Generation.Engine;

/// <summary>What happens to the rows a synthetic table already has.</summary>
public enum GenerationMode
{
    /// <summary>The table ends with exactly the requested rows; synthetic children that referenced the old rows are regenerated.</summary>
    Replace,

    /// <summary>The requested rows are added to those already there.</summary>
    Append,
}

/// <summary>One run of the engine.</summary>
/// <param name="Seed">The run's seed: the same seed, schema and arguments give byte-identical tables.</param>
/// <param name="Scenario">Which synthetic schemas (<c>gendb_&lt;scenario&gt;__&lt;schema&gt;</c>) are written.</param>
public sealed record GenerationOptions(long Seed, GenerationMode Mode, string Scenario)
{
    public const long DefaultSeed = 20_260_101;

    public const long DefaultRows = 100;

    public const string DefaultLocale = "en";

    /// <summary>gendb.yaml's table entries and column rules.</summary>
    public GenerationProfile Profile { get; init; } = GenerationProfile.Empty;

    /// <summary>The reference time and history of generated timelines, email domains.</summary>
    public SemanticOptions Semantics { get; init; } = SemanticOptions.Default;

    /// <summary>The Bogus locale of names, places and text.</summary>
    public string Locale { get; init; } = DefaultLocale;

    /// <summary>
    /// Chooses believable generators from what columns mean; false gives every column the type
    /// fallback (what the engine did before detection existed, kept for comparisons).
    /// </summary>
    public bool DetectConcepts { get; init; } = true;
}

/// <summary>A table to fill, by its real name, and how many rows to generate.</summary>
public sealed record TableRequest(QualifiedName Table, long Rows);

/// <summary>What the engine did to one table.</summary>
/// <param name="Table">The real table whose synthetic copy was filled.</param>
/// <param name="Note">Why the table was part of the run when it was not asked for, and anything the user should know.</param>
public sealed record TableReport(QualifiedName Table, QualifiedName Synthetic, long RowsInserted, long Milliseconds, string? Note);

/// <summary>Hears about the run as it goes: per-table progress and completion (NOTICEs, progress bars).</summary>
public interface IGenerationObserver
{
    /// <summary>A table is about to be filled with <paramref name="rows"/> rows.</summary>
    ValueTask TableStartedAsync(QualifiedName table, long rows, CancellationToken cancellationToken);

    /// <summary>Rows streamed so far into the table (called per COPY chunk, from the generating thread).</summary>
    void RowsWritten(QualifiedName table, long rowsSoFar);

    /// <summary>A table is done.</summary>
    ValueTask TableFinishedAsync(TableReport report, CancellationToken cancellationToken);
}
