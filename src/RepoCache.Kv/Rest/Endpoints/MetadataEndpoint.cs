using System.Text.Json.Nodes;
using RepoCache.Kv.Semantics;

namespace RepoCache.Kv.Rest.Endpoints;

/// <summary>
/// <c>GET /{namespace_id}/metadata/{key}</c>.
/// </summary>
internal static class MetadataEndpoint
{
    /// <summary>Returns the key's metadata as decoded JSON, <c>null</c> when it has none, or 404/10009 when the key is missing.</summary>
    public static async Task GetAsync(KvRestRequest request)
    {
        KeyRules.Validate(request.Key, KvOperations.Get);
        var kvNamespace = KvRestNamespaces.Resolve(request);
        var entry = await kvNamespace.GetWithMetadataAsync(request.Key, cancellationToken: request.Aborted)
            ?? throw KvRestErrors.KeyNotFound();

        var metadata = entry.MetadataJson is null ? null : JsonNode.Parse(entry.MetadataJson);
        await KvRestEnvelope.WriteSuccessAsync(request.Http, metadata);
    }
}
