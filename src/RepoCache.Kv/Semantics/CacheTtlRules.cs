namespace RepoCache.Kv.Semantics;

/// <summary>
/// Validation of a read's <c>cacheTtl</c>, which locally has no other effect.
/// </summary>
public static class CacheTtlRules
{
    /// <summary>Throws a 400 <see cref="KvException"/> when <paramref name="cacheTtl"/> is given and below 30 seconds.</summary>
    public static void Validate(int? cacheTtl, string operation)
    {
        if (cacheTtl is { } ttl && ttl < KvLimits.MinCacheTtlSeconds)
        {
            throw new KvException(
                400,
                KvErrorCodes.InvalidCacheTtl,
                $"KV {operation} failed: 400 Invalid cache_ttl of {ttl}. Cache TTL must be at least {KvLimits.MinCacheTtlSeconds}.");
        }
    }
}
