namespace RepoCache.Proxy.Backends;

/// <summary>A KV backend operation that failed. The proxy returns 503 and counts it.</summary>
public sealed class CacheBackendException(string operation, string key, string message, Exception? innerException = null)
    : Exception($"KV {operation} of '{key}' failed: {message}", innerException)
{
    /// <summary>The failed operation: <c>get</c>, <c>bulk get</c>, <c>put</c>, <c>delete</c> or <c>list</c>.</summary>
    public string Operation { get; } = operation;

    /// <summary>The key involved, or the first key of a bulk operation.</summary>
    public string Key { get; } = key;
}
