using System.Text.Json.Serialization;

namespace RepoCache.Proxy.Contract;

/// <summary>Body of <c>GET /cache/stats</c>: counters since the process started and since the last reset.</summary>
/// <param name="Backend">The KV backend in use: <c>embedded</c> or <c>cloudflare</c>.</param>
/// <param name="Entries">Number of cache entries in the namespace, or null when the backend could not list them.</param>
/// <param name="SinceStart">Counters since this proxy process started.</param>
/// <param name="SinceReset">Counters since the last <c>POST /cache/stats/reset</c>, persisted across restarts.</param>
public sealed record CacheStatsResponse(
    [property: JsonPropertyName("backend")] string Backend,
    [property: JsonPropertyName("entries")] long? Entries,
    [property: JsonPropertyName("sinceStart")] StatsWindow SinceStart,
    [property: JsonPropertyName("sinceReset")] StatsWindow SinceReset);

/// <summary>Counters of one time window.</summary>
/// <param name="Since">Start of the window, canonical UTC form.</param>
/// <param name="Checks">Repositories checked, by <c>GET</c> and by batch.</param>
/// <param name="Hits">Checks that were hits.</param>
/// <param name="Misses">Checks that were misses.</param>
/// <param name="MissesByReason">Misses per reason. Every reason of <see cref="MissReason.All"/> is present.</param>
/// <param name="HitRate">Hits divided by checks, 0 when there were no checks.</param>
/// <param name="CheckErrors">Checks that failed because the KV backend failed.</param>
/// <param name="Writes">Entries written (204).</param>
/// <param name="WriteConflicts">Writes rejected because a later complete entry was stored (409).</param>
/// <param name="WriteErrors">Writes that failed because the KV backend failed (503).</param>
/// <param name="Deletes">Entries deleted.</param>
/// <param name="LatencyMs">Latency percentiles in milliseconds, measured inside the proxy, by operation.</param>
public sealed record StatsWindow(
    [property: JsonPropertyName("since")] string Since,
    [property: JsonPropertyName("checks")] long Checks,
    [property: JsonPropertyName("hits")] long Hits,
    [property: JsonPropertyName("misses")] long Misses,
    [property: JsonPropertyName("missesByReason")] IReadOnlyDictionary<string, long> MissesByReason,
    [property: JsonPropertyName("hitRate")] double HitRate,
    [property: JsonPropertyName("checkErrors")] long CheckErrors,
    [property: JsonPropertyName("writes")] long Writes,
    [property: JsonPropertyName("writeConflicts")] long WriteConflicts,
    [property: JsonPropertyName("writeErrors")] long WriteErrors,
    [property: JsonPropertyName("deletes")] long Deletes,
    [property: JsonPropertyName("latencyMs")] LatencyReport LatencyMs);

/// <summary>Latency percentiles of the three timed operations.</summary>
/// <param name="Check">One <c>GET /cache/{owner}/{repo}</c>.</param>
/// <param name="BatchCheck">One <c>POST /cache/check</c> request, whatever its size.</param>
/// <param name="Write">One <c>PUT /cache/{owner}/{repo}</c>.</param>
public sealed record LatencyReport(
    [property: JsonPropertyName("check")] LatencySummary Check,
    [property: JsonPropertyName("batchCheck")] LatencySummary BatchCheck,
    [property: JsonPropertyName("write")] LatencySummary Write);

/// <summary>Percentiles of one operation's latency in milliseconds, each accurate to within 5 %. Every value is 0 when <c>Count</c> is 0.</summary>
public sealed record LatencySummary(
    [property: JsonPropertyName("count")] long Count,
    [property: JsonPropertyName("p50")] double P50,
    [property: JsonPropertyName("p95")] double P95,
    [property: JsonPropertyName("p99")] double P99,
    [property: JsonPropertyName("max")] double Max);
