using GenDb.Cli;

// The relay's socket tuning, before anything opens a socket. Only for the proxy: with completions
// inline on one engine thread, the direct-mode commands' generation and Npgsql's waits share that
// thread and stall (a COPY sat until the 60 s command timeout); they keep the runtime's defaults.
if (args is ["serve", ..] or ["demo", ..])
{
    RuntimeTuning.Apply();
}

return await GendbCli.RunAsync(args, CliHost.FromProcess(), GendbCli.TerminationTimeout, CancellationToken.None);
