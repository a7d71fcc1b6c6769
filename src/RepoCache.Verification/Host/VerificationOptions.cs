namespace RepoCache.Verification.Host;

/// <summary>Parameters of one verification run.</summary>
public sealed record VerificationOptions
{
    /// <summary>Repositories per pass: the first <c>Count</c> valid, distinct rows of the feed.</summary>
    public int Count { get; init; } = 100;

    /// <summary>Repositories changed upstream before pass 2.</summary>
    public int Changed { get; init; } = 5;

    /// <summary>Runner processes per pass, one per shard.</summary>
    public int Shards { get; init; } = 4;

    /// <summary>Minimum pass-2 hit rate, from 0 to 1.</summary>
    public double Threshold { get; init; } = 0.90;

    /// <summary>The feed file.</summary>
    public string Repos { get; init; } = "fixtures/repos.json";

    /// <summary>Folder that receives the reports, runner logs and the run's working files.</summary>
    public string Output { get; init; } = "artifacts/verify-caching";

    /// <summary>
    /// The runner to start: an executable, or a <c>.dll</c> started with <c>dotnet</c>. Null means the
    /// <c>repocache</c> next to the host.
    /// </summary>
    public string? Runner { get; init; }

    /// <summary>An external cache proxy for the runners; null starts the KV emulator and proxy in-process.</summary>
    public Uri? ProxyUrl { get; init; }

    /// <summary>Value passed to the runners' <c>--on-cache-error</c>, or null to pass nothing.</summary>
    public string? OnCacheError { get; init; }

    /// <summary>Extra arguments appended to every runner's command line, such as <c>--max-retries 0</c>.</summary>
    public IReadOnlyList<string> RunnerArguments { get; init; } = [];

    /// <summary>How long one runner process may run before the host stops it.</summary>
    public TimeSpan RunnerTimeout { get; init; } = TimeSpan.FromMinutes(5);
}
