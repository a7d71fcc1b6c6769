namespace RepoCache.Kv.Semantics;

/// <summary>
/// REST API v4 error codes the emulator reports in <c>errors[].code</c>.
/// </summary>
/// <remarks>
/// Cloudflare publishes codes only for a few namespace and key errors (10009, 10011, 10013, 10014), captured from real
/// responses. Cloudflare publishes no codes for validation of keys, values, metadata, expiration, list options and
/// rate limits, so the emulator picks its own numbers in the 10000s, away from the published ones.
/// </remarks>
public static class KvErrorCodes
{
    /// <summary>Malformed request body (the code Miniflare's local explorer uses for validation errors).</summary>
    public const int MalformedRequest = 10001;

    /// <summary>The key does not exist or has expired (production's <c>get: 'key not found'</c>).</summary>
    public const int KeyNotFound = 10009;

    /// <summary>The namespace id is not 32 hexadecimal characters.</summary>
    public const int InvalidNamespaceId = 10011;

    /// <summary>No namespace has that id.</summary>
    public const int NamespaceNotFound = 10013;

    /// <summary>Another namespace of the account already has that title.</summary>
    public const int NamespaceTitleExists = 10014;

    /// <summary>The namespace title is empty or longer than 512 characters (emulator's choice).</summary>
    public const int InvalidNamespaceTitle = 10019;

    /// <summary>The key is empty, <c>.</c>, <c>..</c>, or longer than 512 UTF-8 bytes (emulator's choice).</summary>
    public const int InvalidKey = 10020;

    /// <summary>The <c>expiration</c> or <c>expiration_ttl</c> is invalid (emulator's choice).</summary>
    public const int InvalidExpiration = 10101;

    /// <summary>The value is longer than 26,214,400 bytes (emulator's choice).</summary>
    public const int ValueTooLarge = 10102;

    /// <summary>The metadata is not JSON or is longer than 1024 UTF-8 bytes (emulator's choice).</summary>
    public const int InvalidMetadata = 10103;

    /// <summary>The list limit, prefix or cursor is invalid (emulator's choice).</summary>
    public const int InvalidListOptions = 10104;

    /// <summary>The <c>cacheTtl</c> is below 30 seconds (emulator's choice).</summary>
    public const int InvalidCacheTtl = 10105;

    /// <summary>A bulk get requests no key, more than 100 keys, an unknown type, or a value that is not JSON (emulator's choice).</summary>
    public const int InvalidBulkGet = 10106;

    /// <summary>A stored value is not valid JSON where JSON was requested (emulator's choice).</summary>
    public const int ValueNotJson = 10107;

    /// <summary>A second write to the same key within one second, with the 429 realism switch on (emulator's choice).</summary>
    public const int TooManyRequests = 10429;

    /// <summary>The data file cannot be opened or written (emulator's choice).</summary>
    public const int StoreUnavailable = 10500;
}
