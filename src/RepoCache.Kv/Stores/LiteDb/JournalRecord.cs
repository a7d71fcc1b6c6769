namespace RepoCache.Kv.Stores.LiteDb;

/// <summary>One change in the write-ahead journal: a put of <see cref="Entry"/>, or a delete of <see cref="Key"/> when the entry is null.</summary>
internal sealed record JournalRecord(string NamespaceId, byte[] Key, StoredEntry? Entry);
