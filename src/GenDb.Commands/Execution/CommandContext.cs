using GenDb.Generation.Engine;
using GenDb.Generation.Profiles;
using GenDb.Protocol;

namespace GenDb.Commands.Execution;

/// <summary>What a command may use besides its session: defaults from gendb.yaml, and a way to tell the client things as it goes.</summary>
public sealed class CommandContext
{
    public static CommandContext Default { get; } = new();

    /// <summary>Rows per table when a call gives none (gendb.yaml default_rows).</summary>
    public long? DefaultRows { get; init; }

    /// <summary>The seed when a call gives none (gendb.yaml seed).</summary>
    public long? DefaultSeed { get; init; }

    /// <summary>gendb.yaml's locale, table entries and column rules.</summary>
    public GenerationProfile Profile { get; init; } = GenerationProfile.Empty;

    /// <summary>Hears generate_data's progress (the CLI's progress bars); NOTICEs are sent either way.</summary>
    public IGenerationObserver? Progress { get; init; }

    /// <summary>
    /// Sends a NOTICE (or WARNING) to the client at once. When null, notices are returned with the
    /// command's result instead.
    /// </summary>
    public Func<PostgresError, CancellationToken, ValueTask>? SendNotice { get; init; }
}
