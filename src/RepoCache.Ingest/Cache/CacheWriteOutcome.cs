namespace RepoCache.Ingest.Cache;

/// <summary>What happened to one cache write.</summary>
public enum CacheWriteOutcome
{
    /// <summary>No write was tried.</summary>
    NotAttempted,

    /// <summary>The proxy stored the entry (204).</summary>
    Written,

    /// <summary>The proxy kept a complete entry with a later <c>pushedAt</c> and changed nothing (409).</summary>
    Conflict,

    /// <summary>The write failed after every retry, or the proxy rejected it.</summary>
    Failed,
}
