using System.Text.Json.Serialization;

namespace RepoCache.Cli.Bench;

/// <summary>One performance goal with the value this run measured and whether it was met.</summary>
internal sealed record GoalResult(
    [property: JsonPropertyName("goal")] string Goal,
    [property: JsonPropertyName("target")] string Target,
    [property: JsonPropertyName("measured")] double? Measured,
    [property: JsonPropertyName("unit")] string Unit,
    [property: JsonPropertyName("status")] string Status)
{
    public const string Met = "met";
    public const string Missed = "missed";
    public const string NotMeasured = "not measured";
}
