namespace RepoCache.Kv.Stores.Memory;

/// <summary>
/// A store that keeps everything in this process and loses it on dispose; for tests and throwaway runs.
/// </summary>
internal sealed class InMemoryKvStore : IKvStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, StoredNamespace> namespaces = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KeyIndex<StoredEntry>> entries = new(StringComparer.Ordinal);

    public string Location => KvEmulatorOptions.InMemory;

    public IReadOnlyList<StoredNamespace> LoadNamespaces()
    {
        lock (gate)
        {
            return [.. namespaces.Values];
        }
    }

    public void SaveNamespace(StoredNamespace storedNamespace)
    {
        lock (gate)
        {
            namespaces[storedNamespace.Id] = storedNamespace;
        }
    }

    public void DeleteNamespace(string namespaceId)
    {
        lock (gate)
        {
            namespaces.Remove(namespaceId);
            entries.Remove(namespaceId);
        }
    }

    public StoredEntry? Get(string namespaceId, byte[] key)
    {
        lock (gate)
        {
            return entries.TryGetValue(namespaceId, out var index) ? index.Find(key) : null;
        }
    }

    public void Put(string namespaceId, StoredEntry entry)
    {
        // Copy the caller's arrays so later changes to them cannot reach stored data.
        var copy = entry with { Key = [.. entry.Key], Value = [.. entry.Value] };

        lock (gate)
        {
            if (!entries.TryGetValue(namespaceId, out var index))
            {
                index = CreateIndex();
                entries[namespaceId] = index;
            }

            index.Set(copy);
        }
    }

    public Task PutAsync(string namespaceId, StoredEntry entry)
    {
        try
        {
            Put(namespaceId, entry);
            return Task.CompletedTask;
        }
        catch (Exception error)
        {
            return Task.FromException(error);
        }
    }

    public void Delete(string namespaceId, byte[] key)
    {
        lock (gate)
        {
            if (entries.TryGetValue(namespaceId, out var index))
            {
                index.Remove(key);
            }
        }
    }

    public IReadOnlyList<StoredKey> List(string namespaceId, byte[] prefix, byte[]? startAfter, int count, long now)
    {
        lock (gate)
        {
            if (!entries.TryGetValue(namespaceId, out var index))
            {
                return [];
            }

            return [.. index.Range(prefix, startAfter)
                .Where(entry => !entry.IsExpiredAt(now))
                .Take(count)
                .Select(entry => new StoredKey(entry.Key, entry.Expiration, entry.MetadataJson))];
        }
    }

    public int PurgeExpired(long now)
    {
        lock (gate)
        {
            var removed = 0;
            foreach (var index in entries.Values)
            {
                foreach (var expired in index.All.Where(entry => entry.IsExpiredAt(now)).ToList())
                {
                    index.Remove(expired.Key);
                    removed++;
                }
            }

            return removed;
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            namespaces.Clear();
            entries.Clear();
        }
    }

    private static KeyIndex<StoredEntry> CreateIndex() =>
        new(entry => entry.Key, key => new StoredEntry(key, [], null, null));
}
