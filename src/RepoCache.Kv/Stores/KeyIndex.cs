using RepoCache.Kv.Semantics;

namespace RepoCache.Kv.Stores;

/// <summary>
/// Keys of one namespace in unsigned UTF-8 byte order, each with a record of type <typeparamref name="TRecord"/>.
/// Not thread-safe: the owning store serialises access.
/// </summary>
internal sealed class KeyIndex<TRecord>(Func<TRecord, byte[]> keyOf, Func<byte[], TRecord> probeFor)
    where TRecord : class
{
    // Valid UTF-8 never contains 0xFF, so prefix + 0xFF sorts after every key that starts with the prefix
    // and before every greater key that does not.
    private const byte AboveAnyUtf8Byte = 0xFF;

    private readonly SortedSet<TRecord> records = new(new RecordComparer(keyOf));

    /// <summary>Number of records, expired ones included.</summary>
    public int Count => records.Count;

    /// <summary>Every record in key order.</summary>
    public IEnumerable<TRecord> All => records;

    /// <summary>Finds the record of <paramref name="key"/>, or null.</summary>
    public TRecord? Find(byte[] key) => records.TryGetValue(probeFor(key), out var found) ? found : null;

    /// <summary>Inserts or replaces the record of its key.</summary>
    public void Set(TRecord record)
    {
        records.Remove(record);
        records.Add(record);
    }

    /// <summary>Removes the record of <paramref name="key"/> when present.</summary>
    public void Remove(byte[] key) => records.Remove(probeFor(key));

    /// <summary>Enumerates records whose key starts with <paramref name="prefix"/> and sorts after <paramref name="startAfter"/>.</summary>
    public IEnumerable<TRecord> Range(byte[] prefix, byte[]? startAfter)
    {
        var upperKey = new byte[prefix.Length + 1];
        prefix.CopyTo(upperKey, 0);
        upperKey[^1] = AboveAnyUtf8Byte;

        var lowerKey = prefix;
        if (startAfter is not null && Utf8KeyComparer.CompareBytes(startAfter, prefix) > 0)
        {
            lowerKey = startAfter;
        }

        if (Utf8KeyComparer.CompareBytes(lowerKey, upperKey) > 0)
        {
            return [];
        }

        var view = records.GetViewBetween(probeFor(lowerKey), probeFor(upperKey));
        return startAfter is null ? view : view.Where(record => Utf8KeyComparer.CompareBytes(keyOf(record), startAfter) > 0);
    }

    private sealed class RecordComparer(Func<TRecord, byte[]> keyOf) : IComparer<TRecord>
    {
        public int Compare(TRecord? x, TRecord? y) => Utf8KeyComparer.CompareBytes(keyOf(x!), keyOf(y!));
    }
}
