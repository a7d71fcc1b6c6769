namespace RepoCache.Proxy.Backends;

/// <summary>
/// The KV namespace that contains cache entries, as the proxy sees it: text values under string keys.
/// Implementations throw <see cref="CacheBackendException"/> when the store fails.
/// </summary>
public interface ICacheBackend
{
    /// <summary>Short name reported by <c>/health</c> and <c>/cache/stats</c>: <c>embedded</c> or <c>cloudflare</c>.</summary>
    string Kind { get; }

    /// <summary>Human-readable location of the store, without secrets, for logs and <c>/health</c>.</summary>
    string Location { get; }

    /// <summary>Reads one value, or null when the key is absent.</summary>
    Task<string?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Reads any number of distinct keys. Absent keys map to null.</summary>
    Task<IReadOnlyDictionary<string, string?>> GetManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken);

    /// <summary>Writes one value and returns only once the store has acknowledged it as durable.</summary>
    Task PutAsync(string key, string value, CancellationToken cancellationToken);

    /// <summary>Deletes one key. Deleting an absent key succeeds.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Counts the keys that start with <paramref name="prefix"/>.</summary>
    Task<long> CountAsync(string prefix, CancellationToken cancellationToken);
}
