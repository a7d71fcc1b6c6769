using LiteDB;
using RepoCache.Kv.Stores.Caching;

namespace RepoCache.Kv.Stores.LiteDb;

/// <summary>Entry reads and writes of <see cref="LiteDbKvStore"/>.</summary>
internal sealed partial class LiteDbKvStore
{
    private ILiteCollection<BsonDocument> Entries => database.GetCollection(EntryDocuments.EntriesCollection);

    private ILiteCollection<BsonDocument> Chunks => database.GetCollection(EntryDocuments.ChunksCollection);

    public StoredEntry? Get(string namespaceId, byte[] key)
    {
        if (cache.TryGet(namespaceId, key, out var cached))
        {
            return cached;
        }

        var entryId = EntryDocuments.EntryId(namespaceId, key);

        lock (gate)
        {
            if (TryGetJournalled(namespaceId, key, out var journalledEntry))
            {
                return journalledEntry;
            }

            return Guard("read an entry", () =>
            {
                var document = Entries.FindById(new BsonValue(entryId));
                if (document is null || !IsSameEntry(document, namespaceId, key))
                {
                    return null;
                }

                var entry = EntryDocuments.ToStoredEntry(document, index => ReadChunk(entryId, index));

                // Admitted under the writer lock, so no put can commit a newer value in between.
                cache.Set(namespaceId, entry);
                return entry;
            });
        }
    }

    public void Put(string namespaceId, StoredEntry entry) => PutAsync(namespaceId, entry).GetAwaiter().GetResult();

    public Task PutAsync(string namespaceId, StoredEntry entry)
    {
        var entryId = EntryDocuments.EntryId(namespaceId, entry.Key);
        var put = new PendingPut(namespaceId, entryId, entry);

        bool commitHere;
        lock (pendingGate)
        {
            pendingPuts.Add(put);
            commitHere = !committing;
            committing = true;
        }

        // Group commit: while one caller commits, later puts only queue, and the next transaction takes them all.
        if (commitHere)
        {
            RunCommits(onCallerThread: true);
        }

        return put.Completion;
    }

    public void Delete(string namespaceId, byte[] key)
    {
        var entryId = EntryDocuments.EntryId(namespaceId, key);

        lock (gate)
        {
            JournalChanges([(new JournalRecord(namespaceId, key, null), entryId)]);
        }
    }

    public IReadOnlyList<StoredKey> List(string namespaceId, byte[] prefix, byte[]? startAfter, int count, long now)
    {
        lock (gate)
        {
            if (!keyIndexes.TryGetValue(namespaceId, out var index))
            {
                return [];
            }

            return [.. index.Range(prefix, startAfter).Where(key => !key.IsExpiredAt(now)).Take(count)];
        }
    }

    public int PurgeExpired(long now)
    {
        lock (gate)
        {
            ApplyJournalLocked();

            var expired = keyIndexes
                .SelectMany(pair => pair.Value.All.Where(key => key.IsExpiredAt(now)).Select(key => (NamespaceId: pair.Key, key.Key)))
                .ToList();
            if (expired.Count == 0)
            {
                return 0;
            }

            InTransaction("delete expired entries", () =>
            {
                foreach (var (namespaceId, key) in expired)
                {
                    DeleteEntryDocuments(EntryDocuments.EntryId(namespaceId, key));
                }
            });

            foreach (var (namespaceId, key) in expired)
            {
                keyIndexes[namespaceId].Remove(key);
                cache.Remove(namespaceId, key);
            }

            return expired.Count;
        }
    }

    private static bool IsSameEntry(BsonDocument document, string namespaceId, byte[] key) =>
        EntryDocuments.NamespaceOf(document) == namespaceId && EntryDocuments.KeyOf(document).AsSpan().SequenceEqual(key);

    private byte[] ReadChunk(byte[] entryId, int index)
    {
        var chunk = Chunks.FindById(new BsonValue(EntryDocuments.ChunkId(entryId, index)))
            ?? throw new InvalidDataException($"Chunk {index} of an entry value is missing.");
        return EntryDocuments.ChunkDataOf(chunk);
    }

    private void DeleteEntryDocuments(byte[] entryId)
    {
        var existing = Entries.FindById(new BsonValue(entryId));
        if (existing is null)
        {
            return;
        }

        var chunkCount = EntryDocuments.ChunkCountOf(existing);
        for (var index = 0; index < chunkCount; index++)
        {
            Chunks.Delete(new BsonValue(EntryDocuments.ChunkId(entryId, index)));
        }

        Entries.Delete(new BsonValue(entryId));
    }
}
