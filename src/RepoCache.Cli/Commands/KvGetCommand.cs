using System.CommandLine;

namespace RepoCache.Cli.Commands;

/// <summary><c>repocache kv get</c>: writes one key's value to standard output or a file.</summary>
internal static class KvGetCommand
{
    public static Command Create()
    {
        var database = KvLocalStore.CreateDatabaseOption();
        var namespaceId = KvLocalStore.CreateNamespaceOption();
        var key = new Argument<string>("key") { Description = "The key to read." };
        var output = new Option<FileInfo?>("--out") { Description = "Write the value to this file instead of standard output." };

        var command = new Command("get", "Print the value of a key in a local KV data file; exit 1 when the key is missing.");
        command.Arguments.Add(key);
        command.Options.Add(database);
        command.Options.Add(namespaceId);
        command.Options.Add(output);
        command.SetAction((parseResult, cancellationToken) => KvLocalStore.RunAsync(parseResult.GetValue(database)!, async emulator =>
        {
            var id = parseResult.GetValue(namespaceId)!;
            var name = parseResult.GetValue(key)!;

            var entry = await emulator.GetNamespace(id).GetWithMetadataAsync(name, cancellationToken: cancellationToken);
            if (entry is null)
            {
                Console.Error.WriteLine($"error: key '{name}' is not in namespace {id} (missing or expired).");
                return KvLocalStore.ExitFailed;
            }

            if (parseResult.GetValue(output) is { } file)
            {
                await File.WriteAllBytesAsync(file.FullName, entry.Value.ToArray(), cancellationToken);
                Console.Error.WriteLine($"Wrote {entry.Value.Length} bytes to {file.FullName}.");
                return KvLocalStore.ExitSuccess;
            }

            await using var stdout = Console.OpenStandardOutput();
            await stdout.WriteAsync(entry.Value, cancellationToken);
            return KvLocalStore.ExitSuccess;
        }));
        return command;
    }
}
