namespace RepoCache.Kv.Semantics;

/// <summary>
/// A Workers KV operation that failed with the HTTP status production would return, and the REST API v4 error code.
/// </summary>
public sealed class KvException(int statusCode, int errorCode, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    /// <summary>HTTP status of the failure (400, 404, 413, 414, 429, ...).</summary>
    public int StatusCode { get; } = statusCode;

    /// <summary>Cloudflare REST API v4 error code reported in the envelope's <c>errors[].code</c>.</summary>
    public int ErrorCode { get; } = errorCode;
}
