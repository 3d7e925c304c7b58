namespace GenDb.Cli;

/// <summary>
/// How the socket engine runs, chosen for a relay on a small machine. The runtime reads these
/// variables when the first socket is created, so <see cref="Apply"/> runs first thing in Main; a
/// value the user set in the environment wins.
/// </summary>
/// <remarks>
/// Measured with benchmarks/relay.sh on two cores (proxy CPU per pgbench -S transaction): socket
/// completions run inline on the engine's thread instead of hopping to the thread pool (about
/// 165 → 55 µs), and one engine thread serves every socket, so a request and its reply are
/// handled by the same thread (about 55 → 45 µs at 1 client, 45 → 35 µs at 8). Code that runs on
/// a relay continuation must therefore never block or compute for long; heavy work goes to the
/// thread pool first.
/// </remarks>
internal static class RuntimeTuning
{
    public const string InlineCompletionsVariable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";
    public const string EngineThreadCountVariable = "DOTNET_SYSTEM_NET_SOCKETS_THREAD_COUNT";

    public static void Apply()
    {
        SetUnlessPresent(InlineCompletionsVariable, "1");
        SetUnlessPresent(EngineThreadCountVariable, "1");
    }

    private static void SetUnlessPresent(string name, string value)
    {
        if (Environment.GetEnvironmentVariable(name) is null)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
