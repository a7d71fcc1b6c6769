namespace RepoCache.Ingest.Feed;

/// <summary>Builds the case-insensitive identity of a repository, which GitHub compares without case.</summary>
public static class FeedRowKey
{
    /// <summary>Returns <c>owner/name</c> lower-cased with the invariant culture.</summary>
    public static string For(string owner, string name) =>
        string.Create(owner.Length + 1 + name.Length, (owner, name), static (target, parts) =>
        {
            parts.owner.AsSpan().ToLowerInvariant(target);
            target[parts.owner.Length] = '/';
            parts.name.AsSpan().ToLowerInvariant(target[(parts.owner.Length + 1)..]);
        });
}
