namespace RepoCache.Ingest.Feed;

/// <summary>A valid, de-duplicated row of the repository feed.</summary>
/// <param name="Index">Zero-based position of the row's first occurrence in the feed array.</param>
/// <param name="Owner">Owner as spelled by the feed.</param>
/// <param name="Name">Repository name as spelled by the feed.</param>
/// <param name="PushedAt">The feed's <c>pushedAt</c> as a UTC instant cut to whole seconds, or null.</param>
public sealed record FeedRow(int Index, string Owner, string Name, DateTimeOffset? PushedAt)
{
    /// <summary>The case-insensitive identity of the repository, <c>owner/name</c> lower-cased (invariant).</summary>
    public string Key => FeedRowKey.For(Owner, Name);
}
