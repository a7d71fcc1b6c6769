namespace RepoCache.Ingest.Run;

/// <summary>Exit codes of <c>repocache ingest</c>; when several apply, the highest wins.</summary>
public static class ExitCodes
{
    /// <summary>Every selected repository was a hit or was processed and recorded.</summary>
    public const int Success = 0;

    /// <summary>Invalid command-line usage, or the feed cannot be read.</summary>
    public const int InvalidUsage = 1;

    /// <summary>At least one repository failed; each has a <c>failed</c> cache entry so the next run retries it.</summary>
    public const int RepositoriesFailed = 2;

    /// <summary>The cache proxy was unavailable, or at least one cache write failed after retries.</summary>
    public const int CacheUnavailable = 3;

    /// <summary>The run was interrupted (Ctrl+C or SIGTERM); 128 plus SIGINT's number, as shells report it.</summary>
    public const int Cancelled = 130;
}
