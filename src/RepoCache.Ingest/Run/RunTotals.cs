using System.Text.Json.Serialization;

namespace RepoCache.Ingest.Run;

/// <summary>Counters of one run, as written to the summary JSON.</summary>
public sealed record RunTotals(
    [property: JsonPropertyName("feedRows")] int FeedRows,
    [property: JsonPropertyName("invalidRows")] int InvalidRows,
    [property: JsonPropertyName("duplicatesMerged")] int DuplicatesMerged,
    [property: JsonPropertyName("selected")] int Selected,
    [property: JsonPropertyName("checked")] int Checked,
    [property: JsonPropertyName("hits")] int Hits,
    [property: JsonPropertyName("misses")] int Misses,
    [property: JsonPropertyName("missesByReason")] IReadOnlyDictionary<string, int> MissesByReason,
    [property: JsonPropertyName("processed")] int Processed,
    [property: JsonPropertyName("failed")] int Failed,
    [property: JsonPropertyName("downloads")] int Downloads,
    [property: JsonPropertyName("downloadBytes")] long DownloadBytes,
    [property: JsonPropertyName("digestBytes")] long DigestBytes,
    [property: JsonPropertyName("cacheWrites")] int CacheWrites,
    [property: JsonPropertyName("writeConflicts")] int WriteConflicts,
    [property: JsonPropertyName("writeErrors")] int WriteErrors);
