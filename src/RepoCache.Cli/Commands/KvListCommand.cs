using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using RepoCache.Kv;

namespace RepoCache.Cli.Commands;

/// <summary><c>repocache kv list</c>: prints the keys of a namespace as a JSON array, in UTF-8 byte order.</summary>
internal static class KvListCommand
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create()
    {
        var database = KvLocalStore.CreateDatabaseOption();
        var namespaceId = KvLocalStore.CreateNamespaceOption();
        var prefix = new Option<string?>("--prefix") { Description = "List only keys that start with this text." };

        var command = new Command("list", "Print every key of a namespace in a local KV data file as a JSON array of {name, expiration?, metadata?}.");
        command.Options.Add(database);
        command.Options.Add(namespaceId);
        command.Options.Add(prefix);
        command.SetAction((parseResult, cancellationToken) => KvLocalStore.RunAsync(parseResult.GetValue(database)!, async emulator =>
        {
            var kvNamespace = emulator.GetNamespace(parseResult.GetValue(namespaceId)!);
            var keys = new JsonArray();

            string? cursor = null;
            do
            {
                var page = await kvNamespace.ListAsync(new KvListOptions(Prefix: parseResult.GetValue(prefix), Cursor: cursor), cancellationToken);
                foreach (var key in page.Keys)
                {
                    keys.Add(ToJson(key));
                }

                cursor = page.ListComplete ? null : page.Cursor;
            }
            while (cursor is not null);

            Console.WriteLine(keys.ToJsonString(Indented));
            return KvLocalStore.ExitSuccess;
        }));
        return command;
    }

    private static JsonObject ToJson(KvListKey key)
    {
        var json = new JsonObject { ["name"] = key.Name };

        if (key.Expiration is { } expiration)
        {
            json["expiration"] = expiration;
        }

        if (key.MetadataJson is not null)
        {
            json["metadata"] = JsonNode.Parse(key.MetadataJson);
        }

        return json;
    }
}
