using System.CommandLine;
using GenDb.Cli;

// Before anything opens a socket: see RuntimeTuning.
RuntimeTuning.Apply();

var root = new RootCommand("GenDB: a PostgreSQL proxy that switches, table by table and session by session, between real and synthetic data.");
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(DemoCommand.Create());
return await root.Parse(args).InvokeAsync();
