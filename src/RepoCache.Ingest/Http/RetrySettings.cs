namespace RepoCache.Ingest.Http;

/// <summary>How HTTP calls to the proxy and to GitHub are retried on network errors, 429 and 5xx.</summary>
/// <param name="MaxRetries">Retries after the first attempt; 0 disables retries.</param>
/// <param name="BaseDelay">Delay before the first retry; later retries double it, with jitter.</param>
/// <param name="MaxDelay">Upper bound of any single delay, including one asked for by <c>Retry-After</c>.</param>
public sealed record RetrySettings(int MaxRetries, TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    /// <summary>Four retries starting at 500 ms, no single wait over one minute.</summary>
    public static RetrySettings Default { get; } = new(4, TimeSpan.FromMilliseconds(500), TimeSpan.FromMinutes(1));
}
