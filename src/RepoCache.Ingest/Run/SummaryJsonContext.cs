using System.Text.Json.Serialization;

namespace RepoCache.Ingest.Run;

/// <summary>Compile-time JSON metadata for the run summary, written indented with the serializer's general defaults.</summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(RunSummary))]
internal sealed partial class SummaryJsonContext : JsonSerializerContext;
