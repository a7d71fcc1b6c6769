using System.Text.Json;
using System.Text.Json.Nodes;
using RepoCache.Kv.Semantics;

namespace RepoCache.Kv.Rest.Endpoints;

/// <summary>
/// <c>POST /{namespace_id}/bulk/delete</c> and the deprecated <c>DELETE /{namespace_id}/bulk</c>.
/// </summary>
internal static class BulkDeleteEndpoint
{
    /// <summary>Validates every key of a JSON array of up to 10,000 keys, then deletes them; missing keys count as deleted.</summary>
    public static async Task DeleteAsync(KvRestRequest request)
    {
        var kvNamespace = KvRestNamespaces.Resolve(request);

        List<string> keys;
        using (var document = await KvRestBodyReader.ReadJsonAsync(request.Http, KvLimits.MaxBulkRequestBytes, request.Aborted))
        {
            keys = ParseKeys(document.RootElement);
        }

        foreach (var key in keys)
        {
            await kvNamespace.DeleteAsync(key, request.Aborted);
        }

        var result = new JsonObject
        {
            ["successful_key_count"] = keys.Count,
            ["unsuccessful_keys"] = new JsonArray(),
        };
        await KvRestEnvelope.WriteSuccessAsync(request.Http, result);
    }

    private static List<string> ParseKeys(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw KvRestErrors.Malformed("The bulk delete body must be a JSON array of key strings, such as [\"a\",\"b\"].");
        }

        var count = root.GetArrayLength();
        if (count > KvLimits.MaxBulkWriteItems)
        {
            throw KvRestErrors.TooLarge($"The bulk delete has {count} keys, more than the limit of {KvLimits.MaxBulkWriteItems}. Split it into batches.");
        }

        var keys = new List<string>(count);
        var index = 0;
        foreach (var element in root.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.String)
            {
                throw KvRestErrors.Malformed($"Item {index} is a JSON {element.ValueKind.ToString().ToLowerInvariant()}; every item must be a key string.");
            }

            var key = element.GetString()!;
            try
            {
                KeyRules.Validate(key, KvOperations.Delete);
            }
            catch (KvException error)
            {
                throw new KvException(error.StatusCode, error.ErrorCode, $"Item {index} (key '{key}'): {error.Message} Nothing was deleted.");
            }

            keys.Add(key);
            index++;
        }

        return keys;
    }
}
