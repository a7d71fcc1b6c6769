using System.Collections.Concurrent;

namespace RepoCache.Kv.Stores.Caching;

/// <summary>
/// Decoded copies of small entries, bounded in bytes, kept by the one process that has the data file open.
/// Lookups take no lock. Every change must come from the owning store under its writer lock, after the matching
/// write is committed, so the cache never returns a value the file does not contain.
/// </summary>
/// <remarks>
/// While no entry has been left out (evicted, too large, or not yet read), the cache contains every key of the store,
/// so a key it does not contain is absent and needs no read from the file.
/// </remarks>
internal sealed class EntryCache
{
    // Rough cost of one cached entry beyond its bytes: dictionary node, key struct, record and array headers.
    private const int EntryOverheadBytes = 160;

    private readonly ConcurrentDictionary<EntryCacheKey, StoredEntry> entries = new();
    private readonly Queue<(EntryCacheKey Key, StoredEntry Entry)> admissionOrder = new();
    private readonly int maxValueBytes;
    private long usedBytes;
    private volatile bool containsEveryKey = true;

    /// <summary>Creates an empty cache of at most <paramref name="capacityBytes"/> that keeps values up to <paramref name="maxValueBytes"/> long.</summary>
    public EntryCache(long capacityBytes, int maxValueBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacityBytes);
        ArgumentOutOfRangeException.ThrowIfNegative(maxValueBytes);

        CapacityBytes = capacityBytes;
        this.maxValueBytes = maxValueBytes;
        containsEveryKey = capacityBytes > 0;
    }

    /// <summary>Upper bound of <see cref="UsedBytes"/>.</summary>
    public long CapacityBytes { get; }

    /// <summary>Estimated bytes of the cached entries, overhead included.</summary>
    public long UsedBytes => Interlocked.Read(ref usedBytes);

    /// <summary>Number of cached entries.</summary>
    public int Count => entries.Count;

    /// <summary>Whether every key of the store is cached, so that a key not cached is absent.</summary>
    public bool ContainsEveryKey => containsEveryKey;

    /// <summary>
    /// Looks up a key: returns true with the entry when it is cached, true with null when the key is known to be
    /// absent, and false when only the data file can tell.
    /// </summary>
    public bool TryGet(string namespaceId, byte[] key, out StoredEntry? entry)
    {
        if (entries.TryGetValue(new EntryCacheKey(namespaceId, key), out var cached))
        {
            entry = cached;
            return true;
        }

        entry = null;
        return containsEveryKey;
    }

    /// <summary>Caches the committed state of an entry, or drops the key when the entry is too large to keep.</summary>
    public void Set(string namespaceId, StoredEntry entry)
    {
        var key = new EntryCacheKey(namespaceId, entry.Key);
        var size = SizeOf(entry);

        if (entry.Value.Length > maxValueBytes || size > CapacityBytes)
        {
            containsEveryKey = false;
            Remove(key);
            return;
        }

        if (entries.TryGetValue(key, out var previous))
        {
            Interlocked.Add(ref usedBytes, -SizeOf(previous));
        }

        entries[key] = entry;
        Interlocked.Add(ref usedBytes, size);
        admissionOrder.Enqueue((key, entry));

        EvictOverCapacity();
        CompactAdmissionOrder();
    }

    /// <summary>Forgets a deleted key.</summary>
    public void Remove(string namespaceId, byte[] key) => Remove(new EntryCacheKey(namespaceId, key));

    /// <summary>Forgets every key of a deleted namespace.</summary>
    public void RemoveNamespace(string namespaceId)
    {
        foreach (var key in entries.Keys.Where(key => key.NamespaceId == namespaceId).ToList())
        {
            Remove(key);
        }
    }

    /// <summary>Records that a key was left out, so a key not cached may still be in the data file.</summary>
    public void MarkIncomplete() => containsEveryKey = false;

    private void Remove(EntryCacheKey key)
    {
        if (entries.TryRemove(key, out var removed))
        {
            Interlocked.Add(ref usedBytes, -SizeOf(removed));
        }
    }

    private void EvictOverCapacity()
    {
        while (UsedBytes > CapacityBytes && admissionOrder.TryDequeue(out var oldest))
        {
            if (!entries.TryGetValue(oldest.Key, out var current) || !ReferenceEquals(current, oldest.Entry))
            {
                continue;
            }

            // Readers that miss this key from now on must go to the file.
            containsEveryKey = false;
            Remove(oldest.Key);
        }
    }

    // Replaced and removed entries leave stale positions behind, so the order is rebuilt when they outnumber live ones.
    private void CompactAdmissionOrder()
    {
        if (admissionOrder.Count <= (2 * entries.Count) + 1024)
        {
            return;
        }

        var live = admissionOrder
            .Where(item => entries.TryGetValue(item.Key, out var current) && ReferenceEquals(current, item.Entry))
            .ToList();

        admissionOrder.Clear();
        foreach (var item in live)
        {
            admissionOrder.Enqueue(item);
        }
    }

    private static long SizeOf(StoredEntry entry) =>
        EntryOverheadBytes + entry.Key.Length + entry.Value.Length + (2L * (entry.MetadataJson?.Length ?? 0));
}
