namespace RepoCache.Ingest.Cache;

/// <summary>The names of <see cref="CacheWriteOutcome"/> values in the run summary's <c>cacheWrite</c> field.</summary>
public static class CacheWriteOutcomeNames
{
    /// <summary>No write was tried, as for hits and invalid rows.</summary>
    public const string NotAttempted = "not-attempted";

    /// <summary>The proxy stored the entry.</summary>
    public const string Written = "written";

    /// <summary>The proxy kept a later complete entry.</summary>
    public const string Conflict = "conflict";

    /// <summary>The write failed after every retry, or was rejected.</summary>
    public const string Failed = "failed";

    /// <summary>Returns the summary name of <paramref name="outcome"/>.</summary>
    public static string Of(CacheWriteOutcome outcome) => outcome switch
    {
        CacheWriteOutcome.Written => Written,
        CacheWriteOutcome.Conflict => Conflict,
        CacheWriteOutcome.Failed => Failed,
        _ => NotAttempted,
    };
}
