using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Polly;
using RepoCache.Ingest.Feed;
using RepoCache.Ingest.Run;
using RepoCache.Proxy.Contract;

namespace RepoCache.Ingest.Cache;

/// <summary>Calls the cache proxy over HTTP: batch checks and entry writes, timed and retried.</summary>
public sealed class CacheClient(
    HttpClient httpClient,
    Uri cacheUrl,
    ResiliencePipeline<HttpResponseMessage> retryPipeline,
    ILogger<CacheClient> logger)
{
    // Far below the proxy's 10,000-item limit, so each request body stays near 100 KB and a failed batch is cheap to retry.
    private const int BatchSize = 1_000;

    private readonly Uri _baseUrl = cacheUrl.AbsoluteUri.EndsWith('/') ? cacheUrl : new Uri(cacheUrl.AbsoluteUri + "/");

    /// <summary>Latencies of each <c>POST /cache/check</c> call, including retries.</summary>
    public LatencyRecorder CheckLatency { get; } = new();

    /// <summary>Latencies of each <c>PUT /cache/{owner}/{repo}</c> call, including retries.</summary>
    public LatencyRecorder WriteLatency { get; } = new();

    /// <summary>Checks every row against the cache in batches and returns one result per row, in row order.</summary>
    /// <exception cref="CacheUnavailableException">The proxy cannot be reached or does not return 200 after retries.</exception>
    public async Task<IReadOnlyList<CheckResult>> CheckAsync(IReadOnlyList<FeedRow> rows, string processor, CancellationToken cancellationToken)
    {
        var results = new List<CheckResult>(rows.Count);
        foreach (var batch in rows.Chunk(BatchSize))
        {
            var request = new CheckRequest(processor, batch.Select(row => new CheckItem(row.Owner, row.Name, FormatPushedAt(row.PushedAt))).ToList());
            var response = await SendCheckAsync(request, cancellationToken);
            if (response.Results.Count != batch.Length)
            {
                throw new CacheUnavailableException(
                    $"The cache proxy at {_baseUrl} returned {response.Results.Count} results for a batch of {batch.Length}; it must return one per repository.");
            }

            for (var i = 0; i < batch.Length; i++)
            {
                var result = response.Results[i];
                if (!string.Equals(FeedRowKey.For(result.Owner ?? "", result.Name ?? ""), batch[i].Key, StringComparison.Ordinal))
                {
                    throw new CacheUnavailableException(
                        $"The cache proxy at {_baseUrl} returned {result.Owner}/{result.Name} at position {i} where {batch[i].Owner}/{batch[i].Name} was sent; results must be in request order.");
                }
            }

            results.AddRange(response.Results);
        }

        return results;
    }

    /// <summary>Writes one cache entry; returns the outcome and, when it failed, why.</summary>
    public async Task<(CacheWriteOutcome Outcome, string? Error)> WriteAsync(string owner, string name, CacheWriteRequest entry, CancellationToken cancellationToken)
    {
        var url = new Uri(_baseUrl, $"cache/{Uri.EscapeDataString(owner)}/{Uri.EscapeDataString(name)}");
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await retryPipeline.ExecuteAsync(
                async token => await httpClient.PutAsJsonAsync(url, entry, CacheJsonContext.Default.CacheWriteRequest, token),
                cancellationToken);

            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                logger.LogWarning("Cache entry of {Owner}/{Name} was not replaced: the proxy keeps a complete entry with a later pushedAt", owner, name);
                return (CacheWriteOutcome.Conflict, null);
            }

            if (!response.IsSuccessStatusCode)
            {
                var body = await ReadShortBodyAsync(response, cancellationToken);
                var error = $"PUT {url} returned HTTP {(int)response.StatusCode}: {body}";
                logger.LogError("Cache write of {Owner}/{Name} failed: {Error}", owner, name, error);
                return (CacheWriteOutcome.Failed, error);
            }

            return (CacheWriteOutcome.Written, null);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var error = $"PUT {url} failed: {exception.Message}";
            logger.LogError(exception, "Cache write of {Owner}/{Name} failed after retries", owner, name);
            return (CacheWriteOutcome.Failed, error);
        }
        finally
        {
            WriteLatency.Record(Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>Formats a feed instant as the contract's canonical <c>yyyy-MM-ddTHH:mm:ssZ</c>, or null.</summary>
    public static string? FormatPushedAt(DateTimeOffset? pushedAt) => pushedAt is null ? null : PushedAt.Format(pushedAt.Value);

    private async Task<CheckResponse> SendCheckAsync(CheckRequest request, CancellationToken cancellationToken)
    {
        var url = new Uri(_baseUrl, "cache/check");
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await retryPipeline.ExecuteAsync(
                async token => await httpClient.PostAsJsonAsync(url, request, CacheJsonContext.Default.CheckRequest, token),
                cancellationToken);

            if (!response.IsSuccessStatusCode)
            {
                var body = await ReadShortBodyAsync(response, cancellationToken);
                throw new CacheUnavailableException(
                    $"The cache proxy at {_baseUrl} returned HTTP {(int)response.StatusCode} for POST /cache/check: {body}");
            }

            var parsed = await response.Content.ReadFromJsonAsync(CacheJsonContext.Default.CheckResponse, cancellationToken);
            return parsed ?? throw new CacheUnavailableException($"The cache proxy at {_baseUrl} returned an empty body for POST /cache/check.");
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new CacheUnavailableException(
                $"The cache proxy at {_baseUrl} cannot be reached: {exception.Message} Start it (repocache serve) or fix --cache-url.",
                exception);
        }
        catch (System.Text.Json.JsonException exception)
        {
            throw new CacheUnavailableException($"The cache proxy at {_baseUrl} returned a body for POST /cache/check that is not a check response: {exception.Message}", exception);
        }
        finally
        {
            CheckLatency.Record(Stopwatch.GetElapsedTime(started));
        }
    }

    private static async Task<string> ReadShortBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        const int MaxShown = 500;
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return body.Length <= MaxShown ? body : body[..MaxShown] + "...";
    }
}
