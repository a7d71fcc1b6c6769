namespace RepoCache.Kv.Rest;

/// <summary>
/// Error codes that only the REST API v4 surface raises; codes shared with the binding live in
/// <see cref="Semantics.KvErrorCodes"/>.
/// </summary>
/// <remarks>
/// 10000 is the code real Cloudflare responses carry for authentication failures and 7003 its "no route" code.
/// Cloudflare publishes no codes for the other cases, so 7001, 10002 and 10040 are this emulator's choices.
/// </remarks>
public static class KvRestErrorCodes
{
    /// <summary>Missing or wrong API token (HTTP 401 or 403).</summary>
    public const int AuthenticationError = 10000;

    /// <summary>Unexpected server failure (HTTP 500).</summary>
    public const int InternalError = 10002;

    /// <summary>The request body is larger than the endpoint accepts (HTTP 413).</summary>
    public const int RequestTooLarge = 10040;

    /// <summary>The path exists but not with this HTTP method (HTTP 405).</summary>
    public const int MethodNotAllowed = 7001;

    /// <summary>No endpoint has this path (HTTP 404).</summary>
    public const int NoRoute = 7003;
}
