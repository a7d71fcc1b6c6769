namespace RepoCache.Kv.Semantics;

/// <summary>
/// Limits of production Workers KV, from Cloudflare's published limits page
/// (developers.cloudflare.com/kv/platform/limits) and the workerd binding source.
/// </summary>
public static class KvLimits
{
    /// <summary>Maximum key length in UTF-8 bytes.</summary>
    public const int MaxKeyBytes = 512;

    /// <summary>Maximum value length in bytes (25 MiB).</summary>
    public const int MaxValueBytes = 26_214_400;

    /// <summary>Maximum metadata length in UTF-8 bytes of its JSON text.</summary>
    public const int MaxMetadataBytes = 1024;

    /// <summary>Minimum <c>expirationTtl</c>, and minimum distance of an absolute <c>expiration</c> from now, in seconds.</summary>
    public const int MinExpirationTtlSeconds = 60;

    /// <summary>Minimum <c>cacheTtl</c> in seconds (lowered from 60 to 30 in late 2025).</summary>
    public const int MinCacheTtlSeconds = 30;

    /// <summary>Default and maximum page size of a binding <c>list</c> call.</summary>
    public const int MaxListLimit = 1000;

    /// <summary>Minimum page size of the REST key listing.</summary>
    public const int MinRestListLimit = 10;

    /// <summary>Maximum number of keys in one bulk get.</summary>
    public const int MaxBulkGetKeys = 100;

    /// <summary>Maximum number of items in one REST bulk write or bulk delete.</summary>
    public const int MaxBulkWriteItems = 10_000;

    /// <summary>Maximum length of a REST bulk write request body (100 MB).</summary>
    public const long MaxBulkRequestBytes = 100_000_000;

    /// <summary>Maximum namespace title length in characters.</summary>
    public const int MaxNamespaceTitleLength = 512;
}
