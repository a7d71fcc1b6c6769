using RepoCache.Kv.Stores;

namespace RepoCache.Kv.Semantics;

/// <summary>
/// Per-key copies of read results, "not found" included, kept for a window of clock time. Writes do not invalidate
/// them, which is how a read served from another location's cache behaves in production.
/// </summary>
internal sealed class StaleReadCache(TimeProvider clock, int windowSeconds)
{
    // Past this many cached keys, copies older than the window are dropped before a new one is added.
    private const int PruneThreshold = 10_000;

    private readonly Lock gate = new();
    private readonly Dictionary<(string NamespaceId, string Key), CachedRead> reads = [];

    /// <summary>Returns the cached result of a key when it is younger than the window, otherwise reads and caches it.</summary>
    public StoredEntry? Read(string namespaceId, string key, Func<StoredEntry?> readStore)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var windowMilliseconds = windowSeconds * 1000L;

        lock (gate)
        {
            if (reads.TryGetValue((namespaceId, key), out var cached) && now - cached.ReadAtUnixMilliseconds < windowMilliseconds)
            {
                return cached.Entry;
            }
        }

        var entry = readStore();

        lock (gate)
        {
            if (reads.Count >= PruneThreshold)
            {
                foreach (var old in reads.Where(pair => now - pair.Value.ReadAtUnixMilliseconds >= windowMilliseconds).Select(pair => pair.Key).ToList())
                {
                    reads.Remove(old);
                }
            }

            reads[(namespaceId, key)] = new CachedRead(entry, now);
        }

        return entry;
    }

    /// <summary>Drops every cached read of a namespace.</summary>
    public void ForgetNamespace(string namespaceId)
    {
        lock (gate)
        {
            foreach (var key in reads.Keys.Where(key => key.NamespaceId == namespaceId).ToList())
            {
                reads.Remove(key);
            }
        }
    }

    private sealed record CachedRead(StoredEntry? Entry, long ReadAtUnixMilliseconds);
}
