using System.Text;
using RepoCache.Kv.Stores;

namespace RepoCache.Kv.Semantics;

/// <summary>
/// The binding of one namespace: validates every call as production does, applies expiration with the emulator's
/// clock, and reads and writes through the store.
/// </summary>
/// <remarks>
/// Store calls other than puts are synchronous, so those methods finish their work before they return a completed task.
/// A put's task completes once the store has committed it, possibly in one transaction with other callers' puts.
/// </remarks>
internal sealed class KvNamespace(string id, KvEmulator owner, IKvStore store, KvRealism realism) : IKvNamespace
{
    /// <inheritdoc/>
    public string Id => id;

    /// <inheritdoc/>
    public Task<KvEntry?> GetWithMetadataAsync(string key, KvGetOptions? options = null, CancellationToken cancellationToken = default) =>
        Complete(cancellationToken, () =>
        {
            var keyBytes = KeyRules.Encode(key, KvOperations.Get);
            CacheTtlRules.Validate(options?.CacheTtl, KvOperations.Get);

            var entry = owner.UseNamespace(id, () => ReadLive(key, keyBytes));
            return entry is null ? null : ToKvEntry(entry);
        });

    /// <inheritdoc/>
    public Task<IReadOnlyDictionary<string, KvEntry?>> GetBulkAsync(
        IReadOnlyList<string> keys,
        KvGetOptions? options = null,
        CancellationToken cancellationToken = default) =>
        Complete<IReadOnlyDictionary<string, KvEntry?>>(cancellationToken, () => GetBulk(keys, options));

    /// <inheritdoc/>
    public Task PutAsync(string key, ReadOnlyMemory<byte> value, KvPutOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        // Validation runs here; the returned task completes once the store has made the write durable.
        try
        {
            return Put(key, value, options);
        }
        catch (Exception error)
        {
            return Task.FromException(error);
        }
    }

    /// <inheritdoc/>
    public Task DeleteAsync(string key, CancellationToken cancellationToken = default) =>
        Complete(cancellationToken, () => Delete(key));

    /// <inheritdoc/>
    public Task<KvListResult> ListAsync(KvListOptions? options = null, CancellationToken cancellationToken = default) =>
        Complete(cancellationToken, () => List(options));

    private OrderedDictionary<string, KvEntry?> GetBulk(IReadOnlyList<string> keys, KvGetOptions? options)
    {
        ArgumentNullException.ThrowIfNull(keys);

        BulkGetRules.ValidateCount(keys.Count);
        var encoded = new OrderedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var keyBytes = KeyRules.EncodeBulkKey(key);
            encoded.TryAdd(key, keyBytes);
        }

        CacheTtlRules.Validate(options?.CacheTtl, KvOperations.GetBulk);

        var results = owner.UseNamespace(id, () =>
        {
            var found = new OrderedDictionary<string, KvEntry?>(StringComparer.Ordinal);
            foreach (var (key, keyBytes) in encoded)
            {
                var entry = ReadLive(key, keyBytes);
                found.Add(key, entry is null ? null : ToKvEntry(entry));
            }

            return found;
        });

        ValueRules.ValidateBulkTotal(results.Values.Sum(entry => (long)(entry?.Value.Length ?? 0)));
        return results;
    }

    private Task Put(string key, ReadOnlyMemory<byte> value, KvPutOptions? options)
    {
        var keyBytes = KeyRules.Encode(key, KvOperations.Put);
        var expiration = ExpirationRules.Resolve(options?.Expiration, options?.ExpirationTtl, NowSeconds());
        var metadata = MetadataRules.Normalize(options?.MetadataJson);
        ValueRules.ValidateLength(value.Length);
        var entry = new StoredEntry(keyBytes, value.ToArray(), expiration, metadata);

        // The put is queued while the namespace is in use, so a namespace delete that follows commits it first.
        return owner.UseNamespace(id, () =>
        {
            realism.AdmitWrite(id, key);
            return store.PutAsync(id, entry);
        });
    }

    private bool Delete(string key)
    {
        var keyBytes = KeyRules.Encode(key, KvOperations.Delete);

        return owner.UseNamespace(id, () =>
        {
            store.Delete(id, keyBytes);
            return true;
        });
    }

    private KvListResult List(KvListOptions? options)
    {
        var limit = ListRules.ResolveLimit(options?.Limit);
        var prefix = KeyRules.EncodePrefix(options?.Prefix);
        var startAfter = ListCursor.Decode(options?.Cursor);

        // Fetching one key more than the page shows whether another page follows.
        var found = owner.UseNamespace(id, () => store.List(id, prefix, startAfter, limit + 1, NowSeconds()));
        var page = found.Take(limit).ToList();
        var complete = found.Count <= limit;

        var keys = page.Select(key => new KvListKey(Encoding.UTF8.GetString(key.Key), key.Expiration, key.MetadataJson)).ToList();
        var cursor = complete ? null : ListCursor.Encode(page[^1].Key);
        return new KvListResult(keys, complete, cursor);
    }

    private StoredEntry? ReadLive(string key, byte[] keyBytes)
    {
        var entry = realism.Read(id, key, () => store.Get(id, keyBytes));

        // Expiry is checked on every read, so even a stale cached copy disappears on time.
        return entry is null || entry.IsExpiredAt(NowSeconds()) ? null : entry;
    }

    // Runs an operation synchronously and reports its outcome through the task, as an async method would,
    // so errors surface where the caller awaits.
    private static Task<T> Complete<T>(CancellationToken cancellationToken, Func<T> operation)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        try
        {
            return Task.FromResult(operation());
        }
        catch (Exception error)
        {
            return Task.FromException<T>(error);
        }
    }

    private long NowSeconds() => owner.TimeProvider.GetUtcNow().ToUnixTimeSeconds();

    private static KvEntry ToKvEntry(StoredEntry entry) => new(entry.Value, entry.MetadataJson, entry.Expiration);
}
