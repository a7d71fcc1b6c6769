using System.Text.Json.Serialization;

namespace RepoCache.Proxy.Contract;

/// <summary>
/// The JSON value stored in Workers KV under <c>repo:{owner}/{name}</c>.
/// </summary>
/// <param name="Owner">Owner as spelled by the feed.</param>
/// <param name="Name">Repository name as spelled by the feed.</param>
/// <param name="PushedAt">The feed's <c>pushedAt</c> at processing time, canonical <c>yyyy-MM-ddTHH:mm:ssZ</c>, or null.</param>
/// <param name="ProcessedAt">The proxy's clock when the entry was written, canonical form.</param>
/// <param name="Status"><c>complete</c> or <c>failed</c>.</param>
/// <param name="Processor">Fingerprint of everything that changes the digest, or null when the writer sent none.</param>
/// <param name="Digest">Where the digest was stored, or null.</param>
/// <param name="Error">What went wrong, for a failed entry.</param>
public sealed record CacheEntry(
    [property: JsonPropertyName("owner")] string Owner,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("pushedAt")] string? PushedAt,
    [property: JsonPropertyName("processedAt")] string ProcessedAt,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("processor")] string? Processor,
    [property: JsonPropertyName("digest")] DigestInfo? Digest,
    [property: JsonPropertyName("error")] string? Error);

/// <summary>Location and fingerprint of a stored digest.</summary>
public sealed record DigestInfo(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("bytes")] long Bytes,
    [property: JsonPropertyName("sha256")] string Sha256);
