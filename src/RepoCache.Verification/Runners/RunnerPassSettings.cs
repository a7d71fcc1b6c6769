namespace RepoCache.Verification.Runners;

/// <summary>What every runner process of one pass gets.</summary>
/// <param name="Pass">Pass number, used in log and summary file names.</param>
/// <param name="FeedPath">The pass's feed file.</param>
/// <param name="CacheUrl">The cache proxy's base URL.</param>
/// <param name="GitHubUrl">The GitHub stand-in's base URL.</param>
/// <param name="DigestFolder">The runners' <c>--out</c> folder.</param>
/// <param name="Shards">Runner processes, one per shard.</param>
/// <param name="LogFolder">Folder of the per-runner log files.</param>
/// <param name="SummaryFolder">Folder of the per-runner summary files.</param>
/// <param name="OnCacheError">Value of <c>--on-cache-error</c>, or null to pass none.</param>
/// <param name="Timeout">How long one runner may run before it is stopped.</param>
/// <param name="ExtraArguments">Arguments appended to every runner's command line.</param>
public sealed record RunnerPassSettings(
    int Pass,
    string FeedPath,
    Uri CacheUrl,
    Uri GitHubUrl,
    string DigestFolder,
    int Shards,
    string LogFolder,
    string SummaryFolder,
    string? OnCacheError,
    TimeSpan Timeout,
    IReadOnlyList<string> ExtraArguments);
