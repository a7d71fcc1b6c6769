using LiteDB;

namespace RepoCache.Kv.Stores.LiteDb;

/// <summary>A put waiting for the group commit that writes it, with the task its caller awaits.</summary>
internal sealed class PendingPut(string namespaceId, byte[] entryId, StoredEntry entry)
{
    // Continuations run on the thread pool, so completing a group never runs callers' code under the writer lock.
    private readonly TaskCompletionSource completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private BsonDocument? document;

    /// <summary>The namespace the entry belongs to.</summary>
    public string NamespaceId { get; } = namespaceId;

    /// <summary>The entry document id.</summary>
    public byte[] EntryId { get; } = entryId;

    /// <summary>The entry as written.</summary>
    public StoredEntry Entry { get; } = entry;

    /// <summary>The entry document, built when a transaction first needs it, since journalled puts never do.</summary>
    public BsonDocument Document => document ??= EntryDocuments.ToEntryDocument(EntryId, NamespaceId, Entry);

    /// <summary>The task that completes once the put is durable, or fails with the commit's error.</summary>
    public Task Completion => completion.Task;

    /// <summary>Acknowledges the put after its transaction committed.</summary>
    public void Succeed() => completion.TrySetResult();

    /// <summary>Fails the put with <paramref name="error"/>.</summary>
    public void Fail(Exception error) => completion.TrySetException(error);
}
