using System.Text.Json.Serialization;

namespace RepoCache.Cli.Bench;

/// <summary>
/// Throughput and latency of one timed phase. An operation is one call, such as a put, a get, one list page
/// or one HTTP request. Items count what the operations moved, such as keys listed or repositories checked.
/// <c>CpuSeconds</c> is the processor time the benchmark process used during the phase, clients and in-process
/// servers together, which other load on the machine changes far less than wall time.
/// </summary>
internal sealed record Measurement(
    [property: JsonPropertyName("operation")] string Operation,
    [property: JsonPropertyName("mode")] string Mode,
    [property: JsonPropertyName("callers")] int Callers,
    [property: JsonPropertyName("operations")] int Operations,
    [property: JsonPropertyName("items")] long Items,
    [property: JsonPropertyName("seconds")] double Seconds,
    [property: JsonPropertyName("operationsPerSecond")] double OperationsPerSecond,
    [property: JsonPropertyName("itemsPerSecond")] double ItemsPerSecond,
    [property: JsonPropertyName("p50Ms")] double P50Ms,
    [property: JsonPropertyName("p95Ms")] double P95Ms,
    [property: JsonPropertyName("p99Ms")] double P99Ms,
    [property: JsonPropertyName("maxMs")] double MaxMs,
    [property: JsonPropertyName("cpuSeconds")] double? CpuSeconds = null);
