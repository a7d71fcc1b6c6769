using System.Text.Json.Serialization;

namespace RepoCache.Ingest.Run;

/// <summary>Nearest-rank percentiles of client-side call latencies, in milliseconds; null when nothing was measured.</summary>
public sealed record LatencySummary(
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("p50Ms")] double? P50Ms,
    [property: JsonPropertyName("p95Ms")] double? P95Ms,
    [property: JsonPropertyName("p99Ms")] double? P99Ms,
    [property: JsonPropertyName("maxMs")] double? MaxMs);
