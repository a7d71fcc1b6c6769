using RepoCache.Kv.Semantics;
using RepoCache.Kv.Stores.Caching;

namespace RepoCache.Kv.Stores.LiteDb;

/// <summary>Group commit of concurrent puts in <see cref="LiteDbKvStore"/>.</summary>
internal sealed partial class LiteDbKvStore
{
    private readonly Lock pendingGate = new();
    private List<PendingPut> pendingPuts = [];
    private bool committing;

    /// <summary>Number of journal appends or transactions that wrote puts, for tests of the group commit.</summary>
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

    // Commits groups until no put is queued. The caller that started it commits one group, its own included,
    // and leaves later groups to the thread pool, so its put is acknowledged without waiting for others.
    private void RunCommits(bool onCallerThread)
    {
        while (true)
        {
            try
            {
                lock (gate)
                {
                    CommitPendingPuts();
                }
            }
            catch (Exception error)
            {
                lock (pendingGate)
                {
                    committing = false;
                }

                // On a pool thread an escaping exception would end the process, so it is logged there instead.
                if (onCallerThread)
                {
                    throw;
                }

                LogStoreFailed(logger, error, "commit queued puts", Location);
                return;
            }

            lock (pendingGate)
            {
                if (pendingPuts.Count == 0)
                {
                    committing = false;
                    return;
                }
            }

            if (onCallerThread)
            {
                ThreadPool.UnsafeQueueUserWorkItem(store => store.RunCommits(onCallerThread: false), this, preferLocal: false);
                return;
            }
        }
    }

    // Called under the writer lock. Every put of the group is acknowledged only after its one journal append returned,
    // or, when the group has a chunked value, after its one transaction committed.
    private void CommitPendingPuts()
    {
        var group = TakePendingPuts();
        if (group.Count == 0)
        {
            return;
        }

        try
        {
            if (group.TrueForAll(put => EntryDocuments.ChunkCountFor(put.Entry.Value.Length) == 0))
            {
                JournalChanges([.. group.Select(put => (new JournalRecord(put.NamespaceId, put.Entry.Key, put.Entry), put.EntryId))]);
            }
            else
            {
                // Chunked values go straight into the data file, so earlier journalled changes must get there first.
                ApplyJournalLocked();
                InTransaction(group.Count == 1 ? "write an entry" : $"write {group.Count} entries", () => WriteGroup(group));

                foreach (var put in group)
                {
                    var entry = put.Entry;
                    IndexFor(put.NamespaceId).Set(new StoredKey([.. entry.Key], entry.Expiration, entry.MetadataJson));
                    cache.Set(put.NamespaceId, entry);
                }
            }

            PutCommitCount++;
        }
        catch (Exception error)
        {
            // The cache must not keep an older value of a key this group may have written, so reads of these keys go to the file.
            cache.MarkIncomplete();
            foreach (var put in group)
            {
                cache.Remove(put.NamespaceId, put.Entry.Key);
                put.Fail(OwnFailure(error));
            }

            return;
        }

        foreach (var put in group)
        {
            put.Succeed();
        }
    }

    // Called under the writer lock when the store closes. No queued put has been acknowledged yet, so failing them loses no acknowledged write.
    private void FailPendingPuts()
    {
        foreach (var put in TakePendingPuts())
        {
            put.Fail(new KvException(
                503,
                KvErrorCodes.StoreUnavailable,
                $"KV store closed data file '{Location}' before the entry was written. Write it again once the store is open."));
        }
    }

    private List<PendingPut> TakePendingPuts()
    {
        lock (pendingGate)
        {
            var group = pendingPuts;
            pendingPuts = [];
            return group;
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

    // Each caller gets its own exception object, because one shared object thrown on several threads
    // would collect their stack traces.
    private KvException OwnFailure(Exception error) => error switch
    {
        KvException failure => new KvException(failure.StatusCode, failure.ErrorCode, failure.Message, failure),
        _ => new KvException(
            503,
            KvErrorCodes.StoreUnavailable,
            $"KV store failed to write an entry in data file '{Location}': {error.Message}",
            error),
    };
}
