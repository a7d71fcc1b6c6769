using LiteDB;
using Microsoft.Extensions.Logging;
using RepoCache.Kv.Stores.Caching;

namespace RepoCache.Kv.Stores.LiteDb;

/// <summary>
/// The write-ahead journal of <see cref="LiteDbKvStore"/>: small puts and deletes are acknowledged once appended to
/// the journal, and moved into the data file in large transactions.
/// </summary>
internal sealed partial class LiteDbKvStore
{
    /// <summary>Journalled changes after which a background transaction moves them into the data file.</summary>
    internal const int JournalApplyThreshold = 4096;

    // Guarded by the writer lock, like the journal itself.
    private readonly Dictionary<EntryCacheKey, JournalledChange> journalled = [];
    private WriteJournal? journal;
    private bool applyQueued;

    /// <summary>Number of journalled changes not yet moved into the data file, for tests of the journal.</summary>
    internal int JournalledCount
    {
        get
        {
            lock (gate)
            {
                return journalled.Count;
            }
        }
    }

    /// <summary>Number of transactions that moved journalled changes into the data file, for tests of the journal.</summary>
    internal long JournalApplyCount { get; private set; }

    private WriteJournal Journal => journal ?? throw new ObjectDisposedException(nameof(LiteDbKvStore));

    /// <summary>Moves every journalled change into the data file now and empties the journal.</summary>
    internal void ApplyJournal()
    {
        lock (gate)
        {
            ApplyJournalLocked();
        }
    }

    // Called at open, before the key index is built: commits what a crashed process left in the journal, in order.
    // Each record replaces the key's documents, so replaying a journal that was already applied changes nothing.
    private void ReplayJournal()
    {
        long droppedBytes = 0;
        var records = Guard("read the journal", () => Journal.ReadAll(out droppedBytes));
        if (droppedBytes > 0)
        {
            LogJournalTailDropped(logger, Journal.Path, droppedBytes);
        }

        if (records.Count > 0)
        {
            InTransaction("replay the journal", () =>
            {
                foreach (var record in records)
                {
                    var entryId = EntryDocuments.EntryId(record.NamespaceId, record.Key);
                    DeleteEntryDocuments(entryId);
                    if (record.Entry is { } entry)
                    {
                        Entries.Insert(EntryDocuments.ToEntryDocument(entryId, record.NamespaceId, entry));
                    }
                }
            });

            LogJournalReplayed(logger, Journal.Path, records.Count);
        }

        Guard("empty the journal", () =>
        {
            Journal.Clear();
            return true;
        });
    }

    // Called under the writer lock. Every change is in the journal before it is visible, and visible before its caller is acknowledged.
    private void JournalChanges(IReadOnlyList<(JournalRecord Record, byte[] EntryId)> changes)
    {
        Guard(changes.Count == 1 ? "journal a change" : $"journal {changes.Count} changes", () =>
        {
            Journal.Append([.. changes.Select(change => change.Record)]);
            return true;
        });

        foreach (var (record, entryId) in changes)
        {
            var cacheKey = new EntryCacheKey(record.NamespaceId, record.Key);
            var mayExistInFile = journalled.TryGetValue(cacheKey, out var earlier)
                ? earlier.MayExistInFile
                : keyIndexes.TryGetValue(record.NamespaceId, out var index) && index.Find(record.Key) is not null;
            journalled[cacheKey] = new JournalledChange(entryId, record.Entry, mayExistInFile);

            if (record.Entry is { } entry)
            {
                IndexFor(record.NamespaceId).Set(new StoredKey([.. entry.Key], entry.Expiration, entry.MetadataJson));
                cache.Set(record.NamespaceId, entry);
            }
            else
            {
                if (keyIndexes.TryGetValue(record.NamespaceId, out var keyIndex))
                {
                    keyIndex.Remove(record.Key);
                }

                cache.Remove(record.NamespaceId, record.Key);
            }
        }

        if (journalled.Count >= JournalApplyThreshold && !applyQueued)
        {
            applyQueued = true;
            ThreadPool.UnsafeQueueUserWorkItem(store => store.ApplyJournalInBackground(), this, preferLocal: false);
        }
    }

    private void ApplyJournalInBackground()
    {
        try
        {
            lock (gate)
            {
                applyQueued = false;
                if (journal is not null)
                {
                    ApplyJournalLocked();
                }
            }
        }
        catch (Exception error)
        {
            // On a pool thread an escaping exception would end the process. The journal keeps the changes, so the next
            // apply or the next open commits them.
            LogStoreFailed(logger, error, "apply the journal", Location);
        }
    }

    // Called under the writer lock. The journal is emptied only after the transaction that contains its changes committed.
    private void ApplyJournalLocked()
    {
        if (journalled.Count == 0)
        {
            return;
        }

        InTransaction($"apply {journalled.Count} journalled changes", () =>
        {
            foreach (var (key, change) in journalled)
            {
                if (change.MayExistInFile)
                {
                    DeleteEntryDocuments(change.EntryId);
                }

                if (change.Entry is { } entry)
                {
                    Entries.Insert(EntryDocuments.ToEntryDocument(change.EntryId, key.NamespaceId, entry));
                }
            }
        });

        JournalApplyCount++;
        journalled.Clear();
        Guard("empty the journal", () =>
        {
            Journal.Clear();
            return true;
        });
    }

    // Called under the writer lock: the journalled state of a key, which reads must prefer over the data file.
    private bool TryGetJournalled(string namespaceId, byte[] key, out StoredEntry? entry)
    {
        if (journalled.TryGetValue(new EntryCacheKey(namespaceId, key), out var change))
        {
            entry = change.Entry;
            return true;
        }

        entry = null;
        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped {DroppedBytes} bytes of a torn record at the end of journal {Path}; that write was never acknowledged")]
    private static partial void LogJournalTailDropped(ILogger logger, string path, long droppedBytes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replayed {RecordCount} records of journal {Path} into the data file")]
    private static partial void LogJournalReplayed(ILogger logger, string path, int recordCount);
}
