namespace RepoCache.Kv.Stores;

/// <summary>
/// Persistence of namespaces and entries. Keys are exact UTF-8 bytes, listed in unsigned byte order.
/// A store does no validation; the semantics layer checks every input before it reaches here.
/// </summary>
internal interface IKvStore : IDisposable
{
    /// <summary>Human-readable location of the data, for logs and errors.</summary>
    string Location { get; }

    /// <summary>Reads every namespace.</summary>
    IReadOnlyList<StoredNamespace> LoadNamespaces();

    /// <summary>Inserts or replaces a namespace; returns once the change is durable.</summary>
    void SaveNamespace(StoredNamespace storedNamespace);

    /// <summary>Deletes a namespace and every entry in it; returns once the change is durable.</summary>
    void DeleteNamespace(string namespaceId);

    /// <summary>Reads one entry, or null when the key is absent. Expired entries are returned as they are.</summary>
    StoredEntry? Get(string namespaceId, byte[] key);

    /// <summary>Replaces an entry's value, expiration and metadata together; returns once the write is durable.</summary>
    void Put(string namespaceId, StoredEntry entry);

    /// <summary>
    /// Replaces an entry like <see cref="Put"/>, returning a task that completes once the write is durable, so that
    /// a store may commit puts from many callers together.
    /// </summary>
    Task PutAsync(string namespaceId, StoredEntry entry);

    /// <summary>Deletes one entry; deleting an absent key does nothing. Returns once the change is durable.</summary>
    void Delete(string namespaceId, byte[] key);

    /// <summary>
    /// Lists up to <paramref name="count"/> keys that start with <paramref name="prefix"/>, come after
    /// <paramref name="startAfter"/> (when given) in byte order, and have not expired at <paramref name="now"/> (epoch seconds).
    /// </summary>
    IReadOnlyList<StoredKey> List(string namespaceId, byte[] prefix, byte[]? startAfter, int count, long now);

    /// <summary>Deletes every entry that has expired at <paramref name="now"/> (epoch seconds) and returns how many were deleted.</summary>
    int PurgeExpired(long now);
}
