using System.Text.Json.Serialization;

namespace RepoCache.Cli.Bench;

/// <summary>
/// RepoCache's operations per second divided by Miniflare's for one operation and mode of the same run, and
/// Miniflare's processor time per operation divided by RepoCache's, which other load on the machine moves less.
/// </summary>
internal sealed record Ratio(
    [property: JsonPropertyName("workload")] string Workload,
    [property: JsonPropertyName("operation")] string Operation,
    [property: JsonPropertyName("mode")] string Mode,
    [property: JsonPropertyName("repoCacheOperationsPerSecond")] double RepoCacheOperationsPerSecond,
    [property: JsonPropertyName("miniflareOperationsPerSecond")] double MiniflareOperationsPerSecond,
    [property: JsonPropertyName("ratio")] double Value,
    [property: JsonPropertyName("repoCacheCpuMsPerOperation")] double? RepoCacheCpuMsPerOperation,
    [property: JsonPropertyName("miniflareCpuMsPerOperation")] double? MiniflareCpuMsPerOperation,
    [property: JsonPropertyName("cpuRatio")] double? CpuRatio);
