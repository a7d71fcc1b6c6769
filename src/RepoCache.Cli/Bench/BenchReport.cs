using System.Text.Json.Serialization;

namespace RepoCache.Cli.Bench;

/// <summary>Everything one benchmark run measured, written as <c>report.json</c> and rendered as <c>report.html</c>.</summary>
internal sealed record BenchReport(
    [property: JsonPropertyName("schemaVersion")] int SchemaVersion,
    [property: JsonPropertyName("startedAt")] DateTimeOffset StartedAt,
    [property: JsonPropertyName("finishedAt")] DateTimeOffset FinishedAt,
    [property: JsonPropertyName("command")] string Command,
    [property: JsonPropertyName("machine")] MachineFacts Machine,
    [property: JsonPropertyName("settings")] BenchSettings Settings,
    [property: JsonPropertyName("workloads")] IReadOnlyList<WorkloadReport> Workloads,
    [property: JsonPropertyName("miniflare")] PeerReport Miniflare,
    [property: JsonPropertyName("ratios")] IReadOnlyList<Ratio> Ratios,
    [property: JsonPropertyName("goals")] IReadOnlyList<GoalResult> Goals)
{
    /// <summary>Version of this document's layout.</summary>
    public const int CurrentSchemaVersion = 1;
}

/// <summary>The sizes a run used, copied from <see cref="BenchOptions"/> into the report.</summary>
internal sealed record BenchSettings(
    [property: JsonPropertyName("feedRows")] int FeedRows,
    [property: JsonPropertyName("distinctRepositories")] int DistinctRepositories,
    [property: JsonPropertyName("keys")] int Keys,
    [property: JsonPropertyName("concurrency")] int Concurrency,
    [property: JsonPropertyName("writers")] int Writers,
    [property: JsonPropertyName("warmupKeys")] int WarmupKeys,
    [property: JsonPropertyName("singleChecks")] int SingleChecks,
    [property: JsonPropertyName("batchRepeats")] int BatchRepeats,
    [property: JsonPropertyName("shards")] int Shards,
    [property: JsonPropertyName("archives")] int Archives,
    [property: JsonPropertyName("peerKeys")] int PeerKeys);
