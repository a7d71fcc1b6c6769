using LiteDB;

namespace RepoCache.Kv.Stores.LiteDb;

/// <summary>A put waiting for the group commit that writes it, and the outcome of that commit once it is done.</summary>
internal sealed class PendingPut(string namespaceId, byte[] entryId, StoredEntry entry, BsonDocument document)
{
    /// <summary>The namespace the entry belongs to.</summary>
    public string NamespaceId { get; } = namespaceId;

    /// <summary>The entry document id.</summary>
    public byte[] EntryId { get; } = entryId;

    /// <summary>The entry as written.</summary>
    public StoredEntry Entry { get; } = entry;

    /// <summary>The entry document, built before the writer lock is taken.</summary>
    public BsonDocument Document { get; } = document;

    /// <summary>Whether the commit that carried this put has finished, successfully or not.</summary>
    public bool IsDone { get; private set; }

    /// <summary>The failure of that commit, or null when the put is durable.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>Records the outcome of the commit, under the store's writer lock.</summary>
    public void Complete(Exception? failure)
    {
        Failure = failure;
        IsDone = true;
    }
}
