using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using RepoCache.Kv.Semantics;

namespace RepoCache.Kv.Rest.Endpoints;

/// <summary>
/// <c>GET</c>, <c>PUT</c> and <c>DELETE /{namespace_id}/values/{key}</c>.
/// </summary>
internal static class ValueEndpoints
{
    /// <summary>Response header carrying the key's absolute expiry in seconds since the UNIX epoch.</summary>
    public const string ExpirationHeader = "expiration";

    /// <summary>Writes the raw value bytes without an envelope, or 404/10009 when the key is missing or expired.</summary>
    public static async Task GetAsync(KvRestRequest request)
    {
        KeyRules.Validate(request.Key, KvOperations.Get);
        var kvNamespace = KvRestNamespaces.Resolve(request);
        var entry = await kvNamespace.GetWithMetadataAsync(request.Key, cancellationToken: request.Aborted)
            ?? throw KvRestErrors.KeyNotFound();

        var response = request.Http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/octet-stream";
        response.ContentLength = entry.Value.Length;
        if (entry.Expiration is { } expiration)
        {
            response.Headers[ExpirationHeader] = expiration.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await response.Body.WriteAsync(entry.Value, request.Aborted);
    }

    /// <summary>Stores a raw or multipart body as the key's value, replacing value, expiration and metadata together.</summary>
    public static async Task PutAsync(KvRestRequest request)
    {
        // Validate the key and the query before creating a namespace or reading a body of up to 25 MiB.
        KeyRules.Validate(request.Key, KvOperations.Put);
        var (expiration, expirationTtl) = KvRestQuery.ReadExpiration(request.Query);
        var kvNamespace = KvRestNamespaces.Resolve(request);

        var body = await ValueBodyReader.ReadAsync(request.Http, request.Aborted);
        var options = new KvPutOptions(expiration, expirationTtl, body.MetadataJson);
        await kvNamespace.PutAsync(request.Key, body.Value, options, request.Aborted);

        request.Logger.LogDebug(
            "KV REST stored {ByteCount} bytes under key {Key} in namespace {NamespaceId}",
            body.Value.Length,
            request.Key,
            kvNamespace.Id);
        await KvRestEnvelope.WriteSuccessAsync(request.Http, null);
    }

    /// <summary>Deletes the key; deleting a missing key succeeds.</summary>
    public static async Task DeleteAsync(KvRestRequest request)
    {
        KeyRules.Validate(request.Key, KvOperations.Delete);
        var kvNamespace = KvRestNamespaces.Resolve(request);
        await kvNamespace.DeleteAsync(request.Key, request.Aborted);
        await KvRestEnvelope.WriteSuccessAsync(request.Http, null);
    }
}
