using System.CommandLine;
using System.Text;
using RepoCache.Kv;

namespace RepoCache.Cli.Commands;

/// <summary><c>repocache kv put</c>: stores a value under a key, creating the namespace on first use.</summary>
internal static class KvPutCommand
{
    public static Command Create()
    {
        var database = KvLocalStore.CreateDatabaseOption();
        var namespaceId = KvLocalStore.CreateNamespaceOption();
        var key = new Argument<string>("key") { Description = "The key to write." };
        var value = new Argument<string?>("value") { Description = "The value as UTF-8 text; omit it and give --path to store a file's bytes.", Arity = ArgumentArity.ZeroOrOne };
        var path = new Option<FileInfo?>("--path") { Description = "Store the bytes of this file as the value." };
        var ttl = new Option<long?>("--ttl") { Description = "Seconds until the key expires (at least 60)." };
        var expiration = new Option<long?>("--expiration") { Description = "Absolute expiry in seconds since the UNIX epoch (at least 60 s ahead); --ttl wins when both are given." };
        var metadata = new Option<string?>("--metadata") { Description = "Metadata as JSON text of at most 1024 bytes, such as '{\"owner\":\"x\"}'." };

        var command = new Command("put", "Store a value in a local KV data file, replacing its value, expiration and metadata.");
        command.Arguments.Add(key);
        command.Arguments.Add(value);
        foreach (var option in new Option[] { database, namespaceId, path, ttl, expiration, metadata })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var text = parseResult.GetValue(value);
            var file = parseResult.GetValue(path);
            if ((text is null) == (file is null))
            {
                Console.Error.WriteLine("error: give the value either as an argument or with --path, not both and not neither.");
                return KvLocalStore.ExitInvalidUsage;
            }

            byte[] bytes;
            try
            {
                bytes = file is null ? Encoding.UTF8.GetBytes(text!) : await File.ReadAllBytesAsync(file.FullName, cancellationToken);
            }
            catch (IOException error)
            {
                Console.Error.WriteLine($"error: cannot read --path '{file!.FullName}': {error.Message}");
                return KvLocalStore.ExitFailed;
            }

            return await KvLocalStore.RunAsync(parseResult.GetValue(database)!, async emulator =>
            {
                var id = parseResult.GetValue(namespaceId)!;
                var name = parseResult.GetValue(key)!;
                emulator.GetOrCreateNamespace(id);

                var options = new KvPutOptions(parseResult.GetValue(expiration), parseResult.GetValue(ttl), parseResult.GetValue(metadata));
                await emulator.GetNamespace(id).PutAsync(name, bytes, options, cancellationToken);

                Console.Error.WriteLine($"Stored {bytes.Length} bytes under key '{name}' in namespace {id}.");
                return KvLocalStore.ExitSuccess;
            });
        });
        return command;
    }
}
