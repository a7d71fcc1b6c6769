using System.Text.Json.Serialization;
using RepoCache.Proxy.Contract;

namespace RepoCache.Ingest.Run;

/// <summary>One repository's line in the run summary.</summary>
/// <param name="FeedIndex">Zero-based position of the row in the feed array.</param>
/// <param name="Owner">Owner as spelled by the feed, or null when the row had none.</param>
/// <param name="Name">Repository name as spelled by the feed, or null when the row had none.</param>
/// <param name="PushedAt">The feed's <c>pushedAt</c> in canonical form, or null.</param>
/// <param name="Outcome">A value of <see cref="RepositoryOutcome"/>.</param>
/// <param name="MissReason">Why the cache check missed (a <see cref="Proxy.Contract.MissReason"/> value or <c>cache-unavailable</c>); null for hits and invalid rows.</param>
/// <param name="DownloadBytes">Size of the downloaded archive, or null when nothing was downloaded.</param>
/// <param name="Digest">Where the digest was stored, or null.</param>
/// <param name="CacheWrite">What happened to the cache write: <c>not-attempted</c>, <c>written</c>, <c>conflict</c> or <c>failed</c>.</param>
/// <param name="Error">What went wrong, for failed repositories, failed writes and invalid rows.</param>
/// <param name="DurationMs">Time spent processing the repository, in milliseconds; 0 for hits and invalid rows.</param>
public sealed record RepositoryReport(
    [property: JsonPropertyName("feedIndex")] int FeedIndex,
    [property: JsonPropertyName("owner")] string? Owner,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("pushedAt")] string? PushedAt,
    [property: JsonPropertyName("outcome")] string Outcome,
    [property: JsonPropertyName("missReason")] string? MissReason,
    [property: JsonPropertyName("downloadBytes")] long? DownloadBytes,
    [property: JsonPropertyName("digest")] DigestInfo? Digest,
    [property: JsonPropertyName("cacheWrite")] string CacheWrite,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("durationMs")] double DurationMs);
