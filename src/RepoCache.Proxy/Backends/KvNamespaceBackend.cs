using System.Text;
using RepoCache.Kv;
using RepoCache.Kv.Semantics;

namespace RepoCache.Proxy.Backends;

/// <summary>
/// The embedded backend: a namespace of the in-process KV emulator, used through its binding interface.
/// </summary>
public sealed class KvNamespaceBackend(IKvNamespace kvNamespace, string location) : ICacheBackend
{
    /// <inheritdoc/>
    public string Kind => "embedded";

    /// <inheritdoc/>
    public string Location { get; } = location;

    /// <summary>The emulator namespace behind this backend.</summary>
    public IKvNamespace Namespace { get; } = kvNamespace;

    /// <inheritdoc/>
    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var entry = await Run("get", key, () => Namespace.GetWithMetadataAsync(key, null, cancellationToken));
        return entry is null ? null : Encoding.UTF8.GetString(entry.Value.Span);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyDictionary<string, string?>> GetManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string?>(keys.Count, StringComparer.Ordinal);

        foreach (var chunk in keys.Chunk(KvLimits.MaxBulkGetKeys))
        {
            var entries = await Run("bulk get", chunk[0], () => Namespace.GetBulkAsync(chunk, null, cancellationToken));
            foreach (var key in chunk)
            {
                values[key] = entries.TryGetValue(key, out var entry) && entry is not null
                    ? Encoding.UTF8.GetString(entry.Value.Span)
                    : null;
            }
        }

        return values;
    }

    /// <inheritdoc/>
    public Task PutAsync(string key, string value, CancellationToken cancellationToken) =>
        Run("put", key, async () =>
        {
            await Namespace.PutAsync(key, Encoding.UTF8.GetBytes(value), null, cancellationToken);
            return true;
        });

    /// <inheritdoc/>
    public Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        Run("delete", key, async () =>
        {
            await Namespace.DeleteAsync(key, cancellationToken);
            return true;
        });

    /// <inheritdoc/>
    public async Task<long> CountAsync(string prefix, CancellationToken cancellationToken)
    {
        long count = 0;
        string? cursor = null;

        do
        {
            var page = await Run("list", prefix, () => Namespace.ListAsync(new KvListOptions(KvLimits.MaxListLimit, prefix, cursor), cancellationToken));
            count += page.Keys.Count;
            cursor = page.ListComplete ? null : page.Cursor;
        }
        while (cursor is not null);

        return count;
    }

    // Cancellation passes through unchanged; every other store failure becomes a backend failure (503).
    private static async Task<T> Run<T>(string operation, string key, Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception) when (exception is not CacheBackendException)
        {
            throw new CacheBackendException(operation, key, exception.Message, exception);
        }
    }
}
