using System.Text.Json.Serialization;

namespace RepoCache.Cli.Bench;

/// <summary>The Miniflare peer's figures as its script prints them, plus the run's status.</summary>
internal sealed record PeerReport(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("miniflareVersion")] string? MiniflareVersion,
    [property: JsonPropertyName("nodeVersion")] string? NodeVersion,
    [property: JsonPropertyName("keys")] int Keys,
    [property: JsonPropertyName("storage")] string? Storage,
    [property: JsonPropertyName("measurements")] IReadOnlyList<Measurement> Measurements)
{
    /// <summary>Creates the report of a peer run that did not happen, with the reason.</summary>
    public static PeerReport NotRun(string status, string message) => new(status, message, null, null, 0, null, []);

    /// <summary>Finds a measurement by operation and mode, or returns null.</summary>
    public Measurement? Find(string operation, string mode) =>
        Measurements.FirstOrDefault(m => m.Operation == operation && m.Mode == mode);
}
