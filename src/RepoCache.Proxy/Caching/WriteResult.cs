using RepoCache.Proxy.Contract;

namespace RepoCache.Proxy.Caching;

/// <summary>Outcome of a write: stored, or rejected because a later complete entry is stored.</summary>
internal sealed record WriteResult(bool Written, CacheEntry? ConflictingEntry)
{
    public static WriteResult Stored { get; } = new(true, null);

    public static WriteResult Conflict(CacheEntry stored) => new(false, stored);
}
