namespace GenDb.Generation.Semantics;

/// <summary>How detected concepts generate: the reference time, the history, email domains.</summary>
public sealed record SemanticOptions
{
    public static SemanticOptions Default { get; } = new();

    /// <summary>
    /// "Now" for generated timelines: rows are created in the <see cref="HistoryYears"/> before
    /// it. Fixed by default (2025-01-01 UTC) so the same seed gives the same bytes on every run.
    /// </summary>
    public DateTimeOffset ReferenceTime { get; init; } = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How many years before <see cref="ReferenceTime"/> rows are created.</summary>
    public int HistoryYears { get; init; } = 5;

    /// <summary>
    /// Person emails use the reserved example.com, example.net and example.org (RFC 2606), which
    /// never reach a real mailbox, instead of the locale's free-mail providers. On by default: an
    /// application under test that sends mail must not reach a real person who happens to have
    /// the generated address (gendb.yaml <c>email_domains: realistic</c> turns it off).
    /// </summary>
    public bool ReservedEmailDomains { get; init; } = true;
}
