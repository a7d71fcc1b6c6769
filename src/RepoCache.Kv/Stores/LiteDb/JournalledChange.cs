namespace RepoCache.Kv.Stores.LiteDb;

/// <summary>
/// The latest journalled state of a key not yet applied to the data file: the entry, or null for a delete, and whether
/// the data file may hold documents of the key that applying must replace.
/// </summary>
internal sealed record JournalledChange(byte[] EntryId, StoredEntry? Entry, bool MayExistInFile);
