using RepoCache.Proxy.Backends;

namespace RepoCache.Proxy.Tests.Support;

/// <summary>A backend whose every operation fails the way a broken store does, for the 503 paths.</summary>
public sealed class FaultyBackend : ICacheBackend
{
    public string Kind => "faulty";

    public string Location => "nowhere";

    public int Puts { get; private set; }

    public Task<string?> GetAsync(string key, CancellationToken cancellationToken) =>
        throw new CacheBackendException("get", key, "disk I/O error");

    public Task<IReadOnlyDictionary<string, string?>> GetManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken) =>
        throw new CacheBackendException("bulk get", keys[0], "disk I/O error");

    public Task PutAsync(string key, string value, CancellationToken cancellationToken)
    {
        Puts++;
        throw new CacheBackendException("put", key, "disk I/O error");
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        throw new CacheBackendException("delete", key, "disk I/O error");

    public Task<long> CountAsync(string prefix, CancellationToken cancellationToken) =>
        throw new CacheBackendException("list", prefix, "disk I/O error");
}
