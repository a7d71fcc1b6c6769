namespace RepoCache.Ingest.Run;

/// <summary>Values of a repository's <c>outcome</c> in the run summary.</summary>
public static class RepositoryOutcome
{
    /// <summary>The cache held a usable entry, so nothing was downloaded.</summary>
    public const string Hit = "hit";

    /// <summary>The repository was downloaded, digested and stored.</summary>
    public const string Processed = "processed";

    /// <summary>Download, extraction or digest failed; a <c>failed</c> entry was written when the proxy allowed it.</summary>
    public const string Failed = "failed";

    /// <summary>The feed row was invalid and never reached the cache.</summary>
    public const string SkippedInvalid = "skipped-invalid";

    /// <summary>The run was cancelled before the repository was finished, so it has no new cache entry and the next run retries it.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>The miss reason used when the cache check could not be made (<c>--on-cache-error process-all</c>).</summary>
    public const string CacheUnavailableReason = "cache-unavailable";
}
