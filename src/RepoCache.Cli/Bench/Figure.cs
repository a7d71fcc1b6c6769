using System.Text.Json.Serialization;

namespace RepoCache.Cli.Bench;

/// <summary>A single measured value that is not a throughput phase, such as a wall time or a peak RSS.</summary>
internal sealed record Figure(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("value")] double Value,
    [property: JsonPropertyName("unit")] string Unit);
