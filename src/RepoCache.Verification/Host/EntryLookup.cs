using RepoCache.Proxy.Contract;

namespace RepoCache.Verification.Host;

/// <summary>A cache entry read for a check, or why none could be read.</summary>
public sealed record EntryLookup(CacheEntry? Entry, string? Problem);
