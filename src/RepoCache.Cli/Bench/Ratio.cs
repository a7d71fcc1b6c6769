using System.Text.Json.Serialization;

namespace RepoCache.Cli.Bench;

/// <summary>RepoCache's operations per second divided by Miniflare's for one operation and mode of the same run.</summary>
internal sealed record Ratio(
    [property: JsonPropertyName("workload")] string Workload,
    [property: JsonPropertyName("operation")] string Operation,
    [property: JsonPropertyName("mode")] string Mode,
    [property: JsonPropertyName("repoCacheOperationsPerSecond")] double RepoCacheOperationsPerSecond,
    [property: JsonPropertyName("miniflareOperationsPerSecond")] double MiniflareOperationsPerSecond,
    [property: JsonPropertyName("ratio")] double Value);
