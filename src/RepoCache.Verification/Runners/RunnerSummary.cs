using System.Text.Json;
using System.Text.Json.Serialization;
using RepoCache.Proxy.Contract;

namespace RepoCache.Verification.Runners;

/// <summary>
/// The fields of the runner's <c>--summary</c> JSON that the verification reads. Unknown fields are ignored, so
/// the runner may add more.
/// </summary>
public sealed record RunnerSummary(
    [property: JsonPropertyName("exitCode")] int ExitCode,
    [property: JsonPropertyName("cacheMode")] string? CacheMode,
    [property: JsonPropertyName("cacheError")] string? CacheError,
    [property: JsonPropertyName("totals")] RunnerTotals Totals,
    [property: JsonPropertyName("repositories")] IReadOnlyList<RunnerRepository> Repositories,
    [property: JsonPropertyName("latency")] RunnerLatency? Latency = null)
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = false };

    /// <summary>Reads a summary file; throws <see cref="InvalidDataException"/> naming the file when it cannot be read.</summary>
    public static RunnerSummary Read(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var summary = JsonSerializer.Deserialize<RunnerSummary>(stream, Options);
            if (summary?.Totals is null || summary.Repositories is null)
            {
                throw new InvalidDataException($"The runner summary '{path}' has no 'totals' or 'repositories'.");
            }

            return summary;
        }
        catch (Exception error) when (error is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"The runner summary '{path}' could not be read: {error.Message}", error);
        }
    }
}

/// <summary>Client-side latency of the runner's cache calls, including HTTP and retries.</summary>
public sealed record RunnerLatency(
    [property: JsonPropertyName("check")] RunnerLatencySummary? Check,
    [property: JsonPropertyName("write")] RunnerLatencySummary? Write);

/// <summary>Percentiles in milliseconds of one kind of cache call; null when nothing was measured.</summary>
public sealed record RunnerLatencySummary(
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("p50Ms")] double? P50Ms,
    [property: JsonPropertyName("p95Ms")] double? P95Ms,
    [property: JsonPropertyName("p99Ms")] double? P99Ms);

/// <summary>Totals of one runner process.</summary>
public sealed record RunnerTotals(
    [property: JsonPropertyName("selected")] int Selected,
    [property: JsonPropertyName("checked")] int Checked,
    [property: JsonPropertyName("hits")] int Hits,
    [property: JsonPropertyName("misses")] int Misses,
    [property: JsonPropertyName("missesByReason")] IReadOnlyDictionary<string, int>? MissesByReason,
    [property: JsonPropertyName("processed")] int Processed,
    [property: JsonPropertyName("failed")] int Failed,
    [property: JsonPropertyName("downloads")] int Downloads,
    [property: JsonPropertyName("cacheWrites")] int CacheWrites,
    [property: JsonPropertyName("writeErrors")] int WriteErrors);

/// <summary>One repository's line in a runner summary.</summary>
public sealed record RunnerRepository(
    [property: JsonPropertyName("owner")] string? Owner,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("pushedAt")] string? PushedAt,
    [property: JsonPropertyName("outcome")] string Outcome,
    [property: JsonPropertyName("missReason")] string? MissReason,
    [property: JsonPropertyName("downloadBytes")] long? DownloadBytes,
    [property: JsonPropertyName("digest")] DigestInfo? Digest,
    [property: JsonPropertyName("cacheWrite")] string? CacheWrite)
{
    /// <summary>The summary's outcome of a cache hit.</summary>
    public const string HitOutcome = "hit";

    /// <summary>Whether the runner counted the repository as a cache hit.</summary>
    public bool IsHit => Outcome == HitOutcome;
}
