using System.CommandLine;

namespace RepoCache.Cli.Commands;

/// <summary><c>repocache kv delete</c>: deletes one key; a missing key is not an error.</summary>
internal static class KvDeleteCommand
{
    public static Command Create()
    {
        var database = KvLocalStore.CreateDatabaseOption();
        var namespaceId = KvLocalStore.CreateNamespaceOption();
        var key = new Argument<string>("key") { Description = "The key to delete." };

        var command = new Command("delete", "Delete a key from a local KV data file; deleting a missing key succeeds, as in Workers KV.");
        command.Arguments.Add(key);
        command.Options.Add(database);
        command.Options.Add(namespaceId);
        command.SetAction((parseResult, cancellationToken) => KvLocalStore.RunAsync(parseResult.GetValue(database)!, async emulator =>
        {
            var id = parseResult.GetValue(namespaceId)!;
            var name = parseResult.GetValue(key)!;

            await emulator.GetNamespace(id).DeleteAsync(name, cancellationToken);

            Console.Error.WriteLine($"Deleted key '{name}' from namespace {id}.");
            return KvLocalStore.ExitSuccess;
        }));
        return command;
    }
}
