using RepoCache.Verification.Checks;

namespace RepoCache.Verification.Reports;

/// <summary>Everything one verification run found: the data behind every report file.</summary>
public sealed record VerificationReport
{
    /// <summary>True when every check passed and the run reached its end.</summary>
    public required bool Passed { get; init; }

    /// <summary>When the run started (UTC).</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When the run finished (UTC).</summary>
    public required DateTimeOffset FinishedAt { get; init; }

    /// <summary>The parameters the run used.</summary>
    public required ReportSettings Settings { get; init; }

    /// <summary>Every check, in the order it was made.</summary>
    public required IReadOnlyList<CheckResult> Checks { get; init; }

    /// <summary>One entry per pass that ran.</summary>
    public required IReadOnlyList<PassReport> Passes { get; init; }

    /// <summary>One row per repository of the run, in feed order.</summary>
    public required IReadOnlyList<RepositoryReport> Repositories { get; init; }

    /// <summary>The error that stopped the run before its checks finished, or null.</summary>
    public string? Error { get; init; }

    /// <summary>The verdict as one word.</summary>
    public string Verdict => Passed ? "PASSED" : "FAILED";

    /// <summary>The checks that failed.</summary>
    public IEnumerable<CheckResult> FailedChecks => Checks.Where(check => !check.Passed);
}

/// <summary>The parameters of a verification run, as the reports show them.</summary>
public sealed record ReportSettings(
    int Count,
    int Changed,
    int Shards,
    double Threshold,
    string Repos,
    string ProxyUrl,
    bool ExternalProxy,
    string Runner,
    string? OnCacheError);

/// <summary>Figures of one pass, summed over its runner processes and the proxy's statistics.</summary>
public sealed record PassReport(
    int Number,
    string Title,
    int Repositories,
    int Hits,
    int Misses,
    IReadOnlyDictionary<string, int> MissReasons,
    int Downloads,
    double WallSeconds,
    LatencyFigures CheckLatency,
    LatencyFigures WriteLatency,
    IReadOnlyList<RunnerReport> Runners)
{
    /// <summary>Hits divided by checked repositories, or 0 when none was checked.</summary>
    public double HitRate => Hits + Misses == 0 ? 0 : (double)Hits / (Hits + Misses);
}

/// <summary>Latency percentiles in milliseconds as the proxy measured them during one pass; null when not reported.</summary>
public sealed record LatencyFigures(long Count, double? P50Ms, double? P95Ms, double? P99Ms)
{
    /// <summary>Figures for a pass where the proxy reported nothing.</summary>
    public static LatencyFigures None { get; } = new(0, null, null, null);
}

/// <summary>One runner process of a pass.</summary>
/// <param name="Shard">Shard number, 1-based.</param>
/// <param name="ExitCode">The process exit code.</param>
/// <param name="CacheCheckLine">The <c>Cache check:</c> line it printed, or null when it printed none.</param>
/// <param name="LogFile">Its log file, relative to the report folder.</param>
/// <param name="Checked">Repositories it checked, from its summary.</param>
/// <param name="Hits">Hits, from its summary.</param>
/// <param name="Misses">Misses, from its summary.</param>
/// <param name="Downloads">Downloads it reported, from its summary.</param>
/// <param name="CheckLatency">Latency of its batch check calls as the runner measured them, including HTTP and retries.</param>
/// <param name="WriteLatency">Latency of its cache writes as the runner measured them.</param>
public sealed record RunnerReport(
    int Shard, int ExitCode, string? CacheCheckLine, string LogFile, int Checked, int Hits, int Misses, int Downloads,
    LatencyFigures? CheckLatency = null, LatencyFigures? WriteLatency = null);

/// <summary>One repository across the passes.</summary>
/// <param name="Repository"><c>owner/name</c> as the feed spells it.</param>
/// <param name="Changed">Whether the run changed it upstream before pass 2.</param>
/// <param name="PushedAt">The feed's <c>pushedAt</c> in each pass (null values kept).</param>
/// <param name="Outcomes">The runner's outcome in each pass.</param>
public sealed record RepositoryReport(string Repository, bool Changed, IReadOnlyList<string?> PushedAt, IReadOnlyList<RepositoryOutcome> Outcomes);

/// <summary>A repository's outcome in one pass: hit or miss with reason, and the stand-in's download count.</summary>
public sealed record RepositoryOutcome(string Outcome, string? Reason, int Downloads)
{
    /// <summary>The outcome of a repository the runners did not report.</summary>
    public static RepositoryOutcome NotReported(int downloads) => new("not reported", null, downloads);
}
