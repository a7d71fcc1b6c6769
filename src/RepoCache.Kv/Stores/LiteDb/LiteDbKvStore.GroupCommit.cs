using RepoCache.Kv.Semantics;
using RepoCache.Kv.Stores.Caching;

namespace RepoCache.Kv.Stores.LiteDb;

/// <summary>Group commit of concurrent puts in <see cref="LiteDbKvStore"/>.</summary>
internal sealed partial class LiteDbKvStore
{
    private readonly Lock pendingGate = new();
    private List<PendingPut> pendingPuts = [];

    /// <summary>Number of transactions that wrote puts, for tests of the group commit.</summary>
    internal long PutCommitCount { get; private set; }

    /// <summary>Number of puts waiting for a commit, for tests of the group commit.</summary>
    internal int PendingPutCount
    {
        get
        {
            lock (pendingGate)
            {
                return pendingPuts.Count;
            }
        }
    }

    /// <summary>The writer lock, which tests hold to make puts queue up.</summary>
    internal Lock WriterLock => gate;

    // Called under the writer lock. Every put of the group is acknowledged only after this one transaction committed.
    private void CommitPendingPuts()
    {
        List<PendingPut> group;
        lock (pendingGate)
        {
            group = pendingPuts;
            pendingPuts = [];
        }

        try
        {
            InTransaction(group.Count == 1 ? "write an entry" : $"write {group.Count} entries", () => WriteGroup(group));
        }
        catch (Exception error)
        {
            foreach (var put in group)
            {
                put.Complete(error);
            }

            return;
        }

        PutCommitCount++;
        foreach (var put in group)
        {
            var entry = put.Entry;
            IndexFor(put.NamespaceId).Set(new StoredKey([.. entry.Key], entry.Expiration, entry.MetadataJson));
            cache.Set(put.NamespaceId, entry);
            put.Complete(null);
        }
    }

    private void WriteGroup(List<PendingPut> group)
    {
        var writtenInGroup = new HashSet<EntryCacheKey>();

        foreach (var put in group)
        {
            var key = new EntryCacheKey(put.NamespaceId, put.Entry.Key);

            // A key that is neither in the index nor earlier in this group has no documents to delete.
            var mayExist = writtenInGroup.Contains(key)
                || (keyIndexes.TryGetValue(put.NamespaceId, out var index) && index.Find(put.Entry.Key) is not null);
            if (mayExist)
            {
                DeleteEntryDocuments(put.EntryId);
            }

            if (EntryDocuments.ChunkCountFor(put.Entry.Value.Length) > 0)
            {
                Chunks.Insert(EntryDocuments.ToChunkDocuments(put.EntryId, put.Entry.Value));
            }

            Entries.Insert(put.Document);
            writtenInGroup.Add(key);
        }
    }

    private void ThrowIfFailed(PendingPut put)
    {
        switch (put.Failure)
        {
            case null:
                return;

            // Each caller gets its own exception object, because one shared object thrown on several threads
            // would collect their stack traces.
            case KvException failure:
                throw new KvException(failure.StatusCode, failure.ErrorCode, failure.Message, failure);

            case var failure:
                throw new KvException(
                    503,
                    KvErrorCodes.StoreUnavailable,
                    $"KV store failed to write an entry in data file '{Location}': {failure.Message}",
                    failure);
        }
    }
}
