namespace RepoCache.Kv.Stores;

/// <summary>A namespace record: id, title, and creation instant in Unix milliseconds.</summary>
internal sealed record StoredNamespace(string Id, string Title, long CreatedAtUnixMilliseconds);
