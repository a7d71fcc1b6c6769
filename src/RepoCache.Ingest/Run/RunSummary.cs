using System.Text.Json.Serialization;

namespace RepoCache.Ingest.Run;

/// <summary>The JSON document written by <c>--summary</c>: settings, totals, latencies and one line per repository.</summary>
public sealed record RunSummary(
    [property: JsonPropertyName("schemaVersion")] int SchemaVersion,
    [property: JsonPropertyName("notice")] string? Notice,
    [property: JsonPropertyName("exitCode")] int ExitCode,
    [property: JsonPropertyName("startedAt")] DateTimeOffset StartedAt,
    [property: JsonPropertyName("finishedAt")] DateTimeOffset FinishedAt,
    [property: JsonPropertyName("durationMs")] double DurationMs,
    [property: JsonPropertyName("feed")] string Feed,
    [property: JsonPropertyName("shard")] string Shard,
    [property: JsonPropertyName("limit")] int? Limit,
    [property: JsonPropertyName("processor")] string Processor,
    [property: JsonPropertyName("cacheMode")] string CacheMode,
    [property: JsonPropertyName("cacheError")] string? CacheError,
    [property: JsonPropertyName("totals")] RunTotals Totals,
    [property: JsonPropertyName("latency")] RunLatency Latency,
    [property: JsonPropertyName("repositories")] IReadOnlyList<RepositoryReport> Repositories)
{
    /// <summary>Version of this document's layout; it changes when a field changes meaning or is removed.</summary>
    public const int CurrentSchemaVersion = 1;
}

/// <summary>Client-side latency of the cache calls, measured around each HTTP call including retries.</summary>
public sealed record RunLatency(
    [property: JsonPropertyName("check")] LatencySummary Check,
    [property: JsonPropertyName("write")] LatencySummary Write);
