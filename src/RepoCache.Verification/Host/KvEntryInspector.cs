using System.Text.Json;
using RepoCache.Kv;
using RepoCache.Kv.Semantics;
using RepoCache.Proxy.Contract;

namespace RepoCache.Verification.Host;

/// <summary>Reads entries straight from the in-process KV namespace, bypassing the proxy and its stats.</summary>
public sealed class KvEntryInspector(IKvNamespace kv) : IEntryInspector
{
    /// <summary>Prefix of every cache key in the namespace.</summary>
    public const string KeyPrefix = "repo:";

    /// <inheritdoc/>
    public string Source => $"KV namespace {kv.Id}";

    /// <inheritdoc/>
    public async Task<EntryLookup> GetAsync(FeedRepository repository, CancellationToken cancellationToken)
    {
        try
        {
            var stored = await kv.GetWithMetadataAsync(repository.CacheKey, cancellationToken: cancellationToken);
            if (stored is null)
            {
                return new EntryLookup(null, $"no value under key {repository.CacheKey}");
            }

            var entry = JsonSerializer.Deserialize<CacheEntry>(stored.Value.Span);
            return new EntryLookup(entry, entry is null ? $"the value under {repository.CacheKey} is JSON null" : null);
        }
        catch (JsonException error)
        {
            return new EntryLookup(null, $"the value under {repository.CacheKey} is not a cache entry: {error.Message}");
        }
        catch (KvException error)
        {
            return new EntryLookup(null, $"reading {repository.CacheKey} failed: {error.Message}");
        }
    }

    /// <inheritdoc/>
    public async Task<(long? Count, string? Problem)> CountAsync(CancellationToken cancellationToken)
    {
        try
        {
            long count = 0;
            await foreach (var _ in kv.ListAllKeysAsync(KeyPrefix, cancellationToken))
            {
                count++;
            }

            return (count, null);
        }
        catch (KvException error)
        {
            return (null, $"listing the namespace failed: {error.Message}");
        }
    }
}
