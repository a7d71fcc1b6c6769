using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RepoCache.Proxy.Contract;

namespace RepoCache.Verification.Host;

/// <summary>The host's own calls to the cache proxy: stats, stats reset, and reading one entry.</summary>
public sealed class ProxyClient(HttpClient http)
{
    /// <summary>The proxy's base URL as text, without a trailing slash.</summary>
    public string BaseAddressText => http.BaseAddress!.ToString().TrimEnd('/');

    /// <summary>Resets the proxy's since-reset counters; returns null on success or the reason it failed.</summary>
    public async Task<string?> ResetStatsAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.PostAsync("cache/stats/reset", content: null, cancellationToken);
            return response.IsSuccessStatusCode ? null : $"POST /cache/stats/reset returned {(int)response.StatusCode}";
        }
        catch (HttpRequestException error)
        {
            return $"POST /cache/stats/reset failed: {error.Message}";
        }
    }

    /// <summary>Reads <c>/cache/stats</c>; returns the stats, or null and the reason it failed.</summary>
    public async Task<(CacheStatsResponse? Stats, string? Problem)> GetStatsAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync("cache/stats", cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return (null, $"GET /cache/stats returned {(int)response.StatusCode}");
            }

            var stats = await response.Content.ReadFromJsonAsync<CacheStatsResponse>(cancellationToken);
            return stats is null ? (null, "GET /cache/stats returned an empty body") : (stats, null);
        }
        catch (Exception error) when (error is HttpRequestException or JsonException or NotSupportedException)
        {
            return (null, $"GET /cache/stats failed: {error.Message}");
        }
    }

    /// <summary>
    /// Checks <paramref name="repositories"/> with <c>POST /cache/check</c>, sending each <c>pushedAt</c> exactly as
    /// the feed spells it and no processor; returns the results in request order, or null and the reason it failed.
    /// </summary>
    public async Task<(IReadOnlyList<CheckResult>? Results, string? Problem)> CheckAsync(IReadOnlyList<FeedRepository> repositories, CancellationToken cancellationToken)
    {
        var request = new CheckRequest(null, repositories.Select(r => new CheckItem(r.Owner, r.Name, r.PushedAt)).ToList());
        try
        {
            using var response = await http.PostAsJsonAsync("cache/check", request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return (null, $"POST /cache/check returned {(int)response.StatusCode}");
            }

            var body = await response.Content.ReadFromJsonAsync<CheckResponse>(cancellationToken);
            return body?.Results is { } results && results.Count == repositories.Count
                ? (results, null)
                : (null, $"POST /cache/check returned {body?.Results?.Count ?? 0} results for {repositories.Count} repositories");
        }
        catch (Exception error) when (error is HttpRequestException or JsonException or NotSupportedException)
        {
            return (null, $"POST /cache/check failed: {error.Message}");
        }
    }

    /// <summary>
    /// Reads a repository's entry with <c>GET /cache/{owner}/{repo}?pushedAt=...</c>. The proxy returns the entry only
    /// on a hit, so a miss is reported as a problem with the proxy's reason.
    /// </summary>
    public async Task<EntryLookup> GetEntryAsync(FeedRepository repository, CancellationToken cancellationToken)
    {
        var pushedAt = Uri.EscapeDataString(repository.PushedAt ?? "null");
        var path = $"cache/{Uri.EscapeDataString(repository.Owner)}/{Uri.EscapeDataString(repository.Name)}?pushedAt={pushedAt}";
        try
        {
            using var response = await http.GetAsync(path, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                var miss = await ReadMissAsync(response, cancellationToken);
                return new EntryLookup(null, $"the proxy returned a miss ({miss})");
            }

            if (!response.IsSuccessStatusCode)
            {
                return new EntryLookup(null, $"GET /{path} returned {(int)response.StatusCode}");
            }

            var entry = await response.Content.ReadFromJsonAsync<CacheEntry>(cancellationToken);
            return new EntryLookup(entry, entry is null ? "the proxy returned an empty entry" : null);
        }
        catch (Exception error) when (error is HttpRequestException or JsonException or NotSupportedException)
        {
            return new EntryLookup(null, $"GET /{path} failed: {error.Message}");
        }
    }

    private static async Task<string> ReadMissAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var miss = await response.Content.ReadFromJsonAsync<MissResponse>(cancellationToken);
            return miss?.Reason ?? "no reason";
        }
        catch (JsonException)
        {
            return "unreadable body";
        }
    }
}
