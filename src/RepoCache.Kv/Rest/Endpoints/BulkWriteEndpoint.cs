using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using RepoCache.Kv.Semantics;

namespace RepoCache.Kv.Rest.Endpoints;

/// <summary>
/// <c>PUT /{namespace_id}/bulk</c>: writes up to 10,000 key-value pairs in one request of at most 100 MB.
/// </summary>
internal static class BulkWriteEndpoint
{
    /// <summary>Validates every item, then stores them in order and reports the keys that could not be stored.</summary>
    public static async Task WriteAsync(KvRestRequest request)
    {
        var kvNamespace = KvRestNamespaces.Resolve(request);

        List<BulkWriteItem> items;
        using (var document = await KvRestBodyReader.ReadJsonAsync(request.Http, KvLimits.MaxBulkRequestBytes, request.Aborted))
        {
            var now = request.Emulator.TimeProvider.GetUtcNow().ToUnixTimeSeconds();
            items = BulkWriteParser.Parse(document.RootElement, now);
        }

        var unsuccessful = new JsonArray();
        var successful = 0;
        foreach (var item in items)
        {
            try
            {
                await kvNamespace.PutAsync(item.Key, item.Value, item.Options, request.Aborted);
                successful++;
            }
            catch (KvException error)
            {
                // Items were validated up front, so this is a per-key failure such as the 1 write/s rule (429).
                request.Logger.LogWarning(
                    "KV REST bulk write could not store key {Key} in namespace {NamespaceId}: {StatusCode}/{ErrorCode} {Message}",
                    item.Key,
                    kvNamespace.Id,
                    error.StatusCode,
                    error.ErrorCode,
                    error.Message);
                unsuccessful.Add(item.Key);
            }
        }

        var result = new JsonObject
        {
            ["successful_key_count"] = successful,
            ["unsuccessful_keys"] = unsuccessful,
        };
        await KvRestEnvelope.WriteSuccessAsync(request.Http, result);
    }
}
