using System.CommandLine;
using RepoCache.Kv;

namespace RepoCache.Cli.Commands;

/// <summary><c>repocache kv namespace create|list</c>: manages the namespaces of a local KV data file.</summary>
internal static class KvNamespaceCommand
{
    public static Command Create()
    {
        var command = new Command("namespace", "Create or list the namespaces of a local KV data file.");
        command.Subcommands.Add(CreateCreateCommand());
        command.Subcommands.Add(CreateListCommand());
        return command;
    }

    private static Command CreateCreateCommand()
    {
        var database = KvLocalStore.CreateDatabaseOption();
        var title = new Argument<string>("title") { Description = "Unique title of 1-512 characters." };

        var command = new Command("create", "Create a namespace and print its new id.");
        command.Arguments.Add(title);
        command.Options.Add(database);
        command.SetAction((parseResult, _) => KvLocalStore.RunAsync(parseResult.GetValue(database)!, emulator =>
        {
            var created = emulator.CreateNamespace(parseResult.GetValue(title)!);
            Console.WriteLine(created.Id);
            return Task.FromResult(KvLocalStore.ExitSuccess);
        }));
        return command;
    }

    private static Command CreateListCommand()
    {
        var database = KvLocalStore.CreateDatabaseOption();

        var command = new Command("list", "Print every namespace as a line of id and title, separated by a tab.");
        command.Options.Add(database);
        command.SetAction((parseResult, _) => KvLocalStore.RunAsync(parseResult.GetValue(database)!, emulator =>
        {
            foreach (KvNamespaceInfo info in emulator.ListNamespaces())
            {
                Console.WriteLine($"{info.Id}\t{info.Title}");
            }

            return Task.FromResult(KvLocalStore.ExitSuccess);
        }));
        return command;
    }
}
