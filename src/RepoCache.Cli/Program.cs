using System.CommandLine;

namespace RepoCache.Cli;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var root = new RootCommand("RepoCache: a Workers KV emulator, cache proxy and ingestion runner that prove a repository cache works.");

        // Each command group lives in its own file under Commands/.
        foreach (var command in CommandCatalog.Create())
        {
            root.Subcommands.Add(command);
        }

        return await root.Parse(args).InvokeAsync();
    }
}
