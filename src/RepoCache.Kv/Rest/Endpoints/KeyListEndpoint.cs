using System.Text.Json.Nodes;
using RepoCache.Kv.Semantics;

namespace RepoCache.Kv.Rest.Endpoints;

/// <summary>
/// <c>GET /{namespace_id}/keys</c>: one page of keys in UTF-8 byte order.
/// </summary>
internal static class KeyListEndpoint
{
    /// <summary>Lists up to <c>limit</c> (10-1000, default 1000) keys after <c>cursor</c> that start with <c>prefix</c>.</summary>
    public static async Task ListAsync(KvRestRequest request)
    {
        var kvNamespace = KvRestNamespaces.Resolve(request);

        var limit = KvRestQuery.ReadInt(
            request.Query,
            "limit",
            KvLimits.MaxListLimit,
            KvLimits.MinRestListLimit,
            KvLimits.MaxListLimit,
            KvErrorCodes.InvalidListOptions);
        var prefix = KvRestQuery.ReadText(request.Query, "prefix");
        var cursor = KvRestQuery.ReadText(request.Query, "cursor");

        var page = await kvNamespace.ListAsync(new KvListOptions(limit, prefix, cursor), request.Aborted);

        var keys = new JsonArray();
        foreach (var key in page.Keys)
        {
            keys.Add(ToJson(key));
        }

        // Cloudflare clients stop paging at an empty cursor, so a finished listing reports "" rather than omitting it.
        var resultInfo = new JsonObject
        {
            ["count"] = page.Keys.Count,
            ["cursor"] = page.ListComplete ? "" : page.Cursor ?? "",
        };

        await KvRestEnvelope.WriteSuccessAsync(request.Http, keys, resultInfo);
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
