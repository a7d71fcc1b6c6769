using System.CommandLine;

namespace RepoCache.Cli.Commands;

/// <summary><c>repocache kv</c>: serves the Workers KV REST API, or reads and writes a local KV data file directly.</summary>
internal static class KvCommand
{
    public static Command Create()
    {
        var command = new Command("kv", "Workers KV emulator: serve the Cloudflare REST API v4, or read and write a local data file directly.");
        command.Subcommands.Add(KvServeCommand.Create());
        command.Subcommands.Add(KvGetCommand.Create());
        command.Subcommands.Add(KvPutCommand.Create());
        command.Subcommands.Add(KvListCommand.Create());
        command.Subcommands.Add(KvDeleteCommand.Create());
        command.Subcommands.Add(KvNamespaceCommand.Create());
        return command;
    }
}
