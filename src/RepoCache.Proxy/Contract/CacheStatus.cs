namespace RepoCache.Proxy.Contract;

/// <summary>Values of a cache entry's <c>status</c> field.</summary>
public static class CacheStatus
{
    /// <summary>The repository was digested and the digest stored.</summary>
    public const string Complete = "complete";

    /// <summary>Processing failed; the entry carries the error and the next run retries it.</summary>
    public const string Failed = "failed";
}
