using RepoCache.Proxy.Backends;

namespace RepoCache.Proxy.Caching;

/// <summary>
/// Counts cache entries by listing the namespace, and reuses the count for a few seconds unless this proxy
/// wrote or deleted an entry since.
/// </summary>
internal sealed class EntryCounter(ICacheBackend backend, TimeProvider timeProvider)
{
    /// <summary>Prefix of every cache entry key.</summary>
    public const string KeyPrefix = "repo:";

    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();

    private long? _count;

    private DateTimeOffset _countedAt;

    private long _generation;

    /// <summary>Forgets the cached count after a write or delete.</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _count = null;
            _generation++;
        }
    }

    /// <summary>Returns the number of cache entries, listing the namespace when the cached count is old.</summary>
    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        long generation;
        lock (_gate)
        {
            if (_count is { } cached && now - _countedAt < MaxAge)
            {
                return cached;
            }

            generation = _generation;
        }

        var count = await backend.CountAsync(KeyPrefix, cancellationToken);

        // A write that landed while listing may be missing from this count, so it is not reused.
        lock (_gate)
        {
            if (generation == _generation)
            {
                _count = count;
                _countedAt = now;
            }
        }

        return count;
    }
}
