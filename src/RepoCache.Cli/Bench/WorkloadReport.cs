using System.Text.Json.Serialization;

namespace RepoCache.Cli.Bench;

/// <summary>Outcome of one workload: its measurements, or the reason it was skipped or failed.</summary>
internal sealed record WorkloadReport(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("measurements")] IReadOnlyList<Measurement> Measurements,
    [property: JsonPropertyName("figures")] IReadOnlyList<Figure> Figures)
{
    public const string Measured = "measured";
    public const string Skipped = "skipped";
    public const string Failed = "failed";

    /// <summary>Creates the report of a workload that ran to the end.</summary>
    public static WorkloadReport Done(string id, string title, IReadOnlyList<Measurement> measurements, IReadOnlyList<Figure>? figures = null) =>
        new(id, title, Measured, null, measurements, figures ?? []);

    /// <summary>Creates the report of a workload that did not run, with the reason.</summary>
    public static WorkloadReport Skip(string id, string title, string reason) =>
        new(id, title, Skipped, reason, [], []);

    /// <summary>Creates the report of a workload that stopped on an error.</summary>
    public static WorkloadReport Fail(string id, string title, string error) =>
        new(id, title, Failed, error, [], []);

    /// <summary>Finds a measurement by operation and mode, or returns null.</summary>
    public Measurement? Find(string operation, string mode) =>
        Measurements.FirstOrDefault(m => m.Operation == operation && m.Mode == mode);
}
