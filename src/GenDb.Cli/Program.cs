using System.CommandLine;
using GenDb.Cli;

// Socket completions run inline on the socket engine's thread instead of hopping to the thread
// pool: on two cores that hop cost more CPU per relayed transaction than the relaying itself
// (236 µs → 47 µs per pgbench transaction, measured; see docs/performance.md). The runtime reads
// this variable when the first socket is created, so it must be set before anything else runs.
// Hooks that do heavy work must therefore leave the socket thread (Task.Run) before doing it.
if (Environment.GetEnvironmentVariable(RuntimeTuning.InlineCompletionsVariable) is null)
{
    Environment.SetEnvironmentVariable(RuntimeTuning.InlineCompletionsVariable, "1");
}

var root = new RootCommand("GenDB: a PostgreSQL proxy that switches, table by table and session by session, between real and synthetic data.");
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(DemoCommand.Create());
return await root.Parse(args).InvokeAsync();
