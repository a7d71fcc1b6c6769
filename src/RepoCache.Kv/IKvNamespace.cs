namespace RepoCache.Kv;

/// <summary>
/// One Workers KV namespace, used in-process the way a Worker uses its KV binding.
/// Every method validates keys and options with the rules and messages of production Workers KV and
/// throws <see cref="Semantics.KvException"/> carrying the HTTP status production would return.
/// </summary>
public interface IKvNamespace
{
    /// <summary>The namespace id: 32 lower-case hex characters.</summary>
    string Id { get; }

    /// <summary>Reads a key's value, metadata and expiration, or null when the key is missing or expired.</summary>
    Task<KvEntry?> GetWithMetadataAsync(string key, KvGetOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Reads 1-100 keys at once; missing keys map to null. Duplicate keys collapse into one entry.</summary>
    Task<IReadOnlyDictionary<string, KvEntry?>> GetBulkAsync(IReadOnlyList<string> keys, KvGetOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Replaces a key's value, expiration and metadata together; returns once the write is durable.</summary>
    Task PutAsync(string key, ReadOnlyMemory<byte> value, KvPutOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes a key; deleting a missing key succeeds.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Lists keys in UTF-8 byte order, one page at a time.</summary>
    Task<KvListResult> ListAsync(KvListOptions? options = null, CancellationToken cancellationToken = default);
}

/// <summary>A stored value with its metadata (raw JSON text) and absolute expiration (epoch seconds).</summary>
public sealed record KvEntry(ReadOnlyMemory<byte> Value, string? MetadataJson, long? Expiration);

/// <summary>Options of a read. <c>CacheTtl</c> is validated (at least 30 s) and otherwise has no effect locally.</summary>
public sealed record KvGetOptions(int? CacheTtl = null);

/// <summary>
/// Options of a write. <c>ExpirationTtl</c> wins over <c>Expiration</c> when both are given.
/// <c>MetadataJson</c> is JSON text (at most 1024 UTF-8 bytes), or null for none.
/// </summary>
public sealed record KvPutOptions(long? Expiration = null, long? ExpirationTtl = null, string? MetadataJson = null);

/// <summary>Options of a list call: <c>Limit</c> 1-1000 (0 or negative means 1000), byte prefix, cursor from a previous page.</summary>
public sealed record KvListOptions(int? Limit = null, string? Prefix = null, string? Cursor = null);

/// <summary>One page of keys. <c>Cursor</c> is set only when <c>ListComplete</c> is false.</summary>
public sealed record KvListResult(IReadOnlyList<KvListKey> Keys, bool ListComplete, string? Cursor);

/// <summary>A listed key with its expiration and metadata, both null when the key has none.</summary>
public sealed record KvListKey(string Name, long? Expiration, string? MetadataJson);
