namespace RepoCache.Ingest.Feed;

/// <summary>Builds the case-insensitive identity of a repository, which GitHub compares without case.</summary>
public static class FeedRowKey
{
    /// <summary>Returns <c>owner/name</c> lower-cased with the invariant culture.</summary>
    public static string For(string owner, string name) =>
        $"{owner.ToLowerInvariant()}/{name.ToLowerInvariant()}";
}
