using RepoCache.Proxy.Backends;

namespace RepoCache.Proxy.Tests.Support;

/// <summary>Reads from a real backend but fails every write, as a store that turned read-only does.</summary>
public sealed class WriteFailingBackend(ICacheBackend inner) : ICacheBackend
{
    public string Kind => inner.Kind;

    public string Location => inner.Location;

    public Task<string?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

    public Task<IReadOnlyDictionary<string, string?>> GetManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken) =>
        inner.GetManyAsync(keys, cancellationToken);

    public Task PutAsync(string key, string value, CancellationToken cancellationToken) =>
        throw new CacheBackendException("put", key, "database is read-only");

    public Task DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

    public Task<long> CountAsync(string prefix, CancellationToken cancellationToken) => inner.CountAsync(prefix, cancellationToken);
}
