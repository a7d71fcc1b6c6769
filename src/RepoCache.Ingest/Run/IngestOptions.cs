using RepoCache.Ingest.Extraction;
using RepoCache.Ingest.Http;
using RepoCache.Ingest.Sharding;

namespace RepoCache.Ingest.Run;

/// <summary>Settings of one ingestion run, as given on the command line.</summary>
public sealed record IngestOptions
{
    /// <summary>Default of <see cref="MaxFileSize"/>: 512 KiB, the size gitingest skips files above by default.</summary>
    public const long DefaultMaxFileSize = 524_288;

    /// <summary>Path or http(s) URL of the JSON feed.</summary>
    public required string Feed { get; init; }

    /// <summary>Base URL of the cache proxy.</summary>
    public required Uri CacheUrl { get; init; }

    /// <summary>Folder that receives <c>{owner}/{name}.txt</c> digests.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Base URL of the GitHub REST API.</summary>
    public Uri GitHubUrl { get; init; } = new("https://api.github.com");

    /// <summary>Token sent to GitHub as a bearer token, or null for anonymous requests.</summary>
    public string? GitHubToken { get; init; }

    /// <summary>Token sent to the cache proxy as a bearer token, or null.</summary>
    public string? CacheToken { get; init; }

    /// <summary>The shard of the feed this run processes.</summary>
    public ShardSpec Shard { get; init; } = ShardSpec.All;

    /// <summary>Number of valid unique feed rows taken before sharding, or null for all.</summary>
    public int? Limit { get; init; }

    /// <summary>Maximum repositories processed at the same time.</summary>
    public int Concurrency { get; init; } = Environment.ProcessorCount * 2;

    /// <summary>Where to write the summary JSON, or null for none.</summary>
    public string? SummaryPath { get; init; }

    /// <summary>Processor fingerprint that replaces the computed one, or null.</summary>
    public string? Processor { get; init; }

    /// <summary>What to do when the cache check fails.</summary>
    public CacheErrorPolicy OnCacheError { get; init; } = CacheErrorPolicy.Fail;

    /// <summary>Files larger than this many bytes are listed in the digest as skipped.</summary>
    public long MaxFileSize { get; init; } = DefaultMaxFileSize;

    /// <summary>External command line that writes the digest instead of the built-in format, or null.</summary>
    public string? DigestCommand { get; init; }

    /// <summary>How long the external digest command may run for one repository.</summary>
    public TimeSpan DigestCommandTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Retry settings for calls to the proxy and to GitHub.</summary>
    public RetrySettings Retry { get; init; } = RetrySettings.Default;

    /// <summary>Bounds that reject oversized archives.</summary>
    public ExtractionLimits Extraction { get; init; } = ExtractionLimits.Default;

    /// <summary>Folder for downloads and extraction, or null for a new folder under the system temp folder.</summary>
    public string? WorkDirectory { get; init; }

    /// <summary>Minimum time between two plain progress lines.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(5);
}
