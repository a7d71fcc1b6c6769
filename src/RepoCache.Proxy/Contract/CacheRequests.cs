using System.Text.Json.Serialization;

namespace RepoCache.Proxy.Contract;

/// <summary>Body of <c>PUT /cache/{owner}/{repo}</c>. The original Python client sends <c>{pushedAt, processedAt, status}</c>.</summary>
public sealed record CacheWriteRequest(
    [property: JsonPropertyName("pushedAt")] string? PushedAt,
    [property: JsonPropertyName("status")] string? Status = null,
    [property: JsonPropertyName("processor")] string? Processor = null,
    [property: JsonPropertyName("digest")] DigestInfo? Digest = null,
    [property: JsonPropertyName("error")] string? Error = null,
    [property: JsonPropertyName("processedAt")] string? ProcessedAt = null);

/// <summary>Body of <c>POST /cache/check</c>: up to 10,000 repositories checked against one processor.</summary>
public sealed record CheckRequest(
    [property: JsonPropertyName("processor")] string? Processor,
    [property: JsonPropertyName("repos")] IReadOnlyList<CheckItem> Repos);

/// <summary>One repository of a batch check.</summary>
public sealed record CheckItem(
    [property: JsonPropertyName("owner")] string Owner,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("pushedAt")] string? PushedAt);

/// <summary>Response of <c>POST /cache/check</c>, results in request order.</summary>
public sealed record CheckResponse(
    [property: JsonPropertyName("results")] IReadOnlyList<CheckResult> Results);

/// <summary>Outcome for one repository: a hit, or a miss with its reason.</summary>
public sealed record CheckResult(
    [property: JsonPropertyName("owner")] string Owner,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("hit")] bool Hit,
    [property: JsonPropertyName("reason")] string? Reason);

/// <summary>Body of a 404 from <c>GET /cache/{owner}/{repo}</c>, the shape the original Python client reads.</summary>
public sealed record MissResponse(
    [property: JsonPropertyName("needsProcessing")] bool NeedsProcessing,
    [property: JsonPropertyName("reason")] string Reason);

/// <summary>Limits of the cache proxy contract.</summary>
public static class CacheLimits
{
    /// <summary>Maximum repositories in one batch check.</summary>
    public const int MaxCheckItems = 10_000;

    /// <summary>Maximum body of a single-entry request (1 MiB).</summary>
    public const long MaxBodyBytes = 1 * 1024 * 1024;

    /// <summary>Maximum body of a batch check (10 MiB).</summary>
    public const long MaxBatchBodyBytes = 10 * 1024 * 1024;

    /// <summary>Maximum length of a <c>processor</c> fingerprint in characters.</summary>
    public const int MaxProcessorLength = 256;

    /// <summary>Maximum length of a digest <c>path</c> in characters.</summary>
    public const int MaxDigestPathLength = 1024;

    /// <summary>Length of a digest's <c>sha256</c> in hex characters.</summary>
    public const int Sha256HexLength = 64;
}
