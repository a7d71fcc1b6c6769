using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Polly;
using RepoCache.Proxy.Hosting;

namespace RepoCache.Proxy.Backends.Cloudflare;

/// <summary>
/// The Cloudflare backend: a Workers KV namespace reached over the REST API v4 with a bearer token,
/// retrying transient failures.
/// </summary>
public sealed partial class CloudflareKvBackend : ICacheBackend, IDisposable
{
    private const int BulkGetKeys = 100;

    private const int ListPageKeys = 1000;

    private const int BulkGetParallelism = 4;

    private readonly HttpClient _http;

    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    private readonly string _namespaceUrl;

    private readonly ILogger _logger;

    /// <summary>Creates a client for the namespace in <paramref name="options"/>. The options must already be complete.</summary>
    public CloudflareKvBackend(CloudflareKvOptions options, ILogger<CloudflareKvBackend> logger)
    {
        CloudflareOptionsValidator.Validate(options);
        _logger = logger;

        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiToken);

        _pipeline = CloudflareRetryPipeline.Create(options, logger);
        _namespaceUrl = $"{options.BaseUrl.TrimEnd('/')}/accounts/{Uri.EscapeDataString(options.AccountId!)}/storage/kv/namespaces/{Uri.EscapeDataString(options.NamespaceId!)}";
        Location = $"account {options.AccountId}, namespace {options.NamespaceId} at {options.BaseUrl}";
    }

    /// <inheritdoc/>
    public string Kind => "cloudflare";

    /// <inheritdoc/>
    public string Location { get; }

    /// <inheritdoc/>
    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        using var response = await SendAsync("get", key, () => new HttpRequestMessage(HttpMethod.Get, ValueUrl(key)), cancellationToken);

        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var (codes, message) = CloudflareEnvelope.ReadErrors(body);
            return codes.Contains(CloudflareEnvelope.KeyNotFoundCode)
                ? null
                : throw Failure("get", key, response.StatusCode, message);
        }

        await EnsureSuccessAsync("get", key, response, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyDictionary<string, string?>> GetManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string?>(keys.Count, StringComparer.Ordinal);
        var gate = new Lock();

        await Parallel.ForEachAsync(
            keys.Chunk(BulkGetKeys),
            new ParallelOptions { MaxDegreeOfParallelism = BulkGetParallelism, CancellationToken = cancellationToken },
            async (chunk, token) =>
            {
                var page = await BulkGetAsync(chunk, token);
                lock (gate)
                {
                    foreach (var key in chunk)
                    {
                        values[key] = page.GetValueOrDefault(key);
                    }
                }
            });

        return values;
    }

    /// <inheritdoc/>
    public async Task PutAsync(string key, string value, CancellationToken cancellationToken)
    {
        using var response = await SendAsync("put", key, () => new HttpRequestMessage(HttpMethod.Put, ValueUrl(key))
        {
            Content = new StringContent(value, Encoding.UTF8, "application/octet-stream"),
        }, cancellationToken);

        await EnsureSuccessAsync("put", key, response, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        using var response = await SendAsync("delete", key, () => new HttpRequestMessage(HttpMethod.Delete, ValueUrl(key)), cancellationToken);
        await EnsureSuccessAsync("delete", key, response, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<long> CountAsync(string prefix, CancellationToken cancellationToken)
    {
        long count = 0;
        var cursor = "";

        do
        {
            var url = $"{_namespaceUrl}/keys?limit={ListPageKeys}&prefix={Uri.EscapeDataString(prefix)}";
            if (cursor.Length > 0)
            {
                url += $"&cursor={Uri.EscapeDataString(cursor)}";
            }

            using var response = await SendAsync("list", prefix, () => new HttpRequestMessage(HttpMethod.Get, url), cancellationToken);
            await EnsureSuccessAsync("list", prefix, response, cancellationToken);

            using var document = await ReadJsonAsync("list", prefix, response, cancellationToken);
            var root = document.RootElement;
            count += root.TryGetProperty("result", out var keys) && keys.ValueKind == JsonValueKind.Array ? keys.GetArrayLength() : 0;
            cursor = root.TryGetProperty("result_info", out var info) && info.TryGetProperty("cursor", out var next) && next.ValueKind == JsonValueKind.String
                ? next.GetString()!
                : "";
        }
        while (cursor.Length > 0);

        return count;
    }

    /// <inheritdoc/>
    public void Dispose() => _http.Dispose();

    private async Task<IReadOnlyDictionary<string, string?>> BulkGetAsync(string[] keys, CancellationToken cancellationToken)
    {
        using var response = await SendAsync("bulk get", keys[0], () => new HttpRequestMessage(HttpMethod.Post, $"{_namespaceUrl}/bulk/get")
        {
            Content = JsonContent.Create(new { keys, type = "text" }),
        }, cancellationToken);

        await EnsureSuccessAsync("bulk get", keys[0], response, cancellationToken);

        using var document = await ReadJsonAsync("bulk get", keys[0], response, cancellationToken);
        if (!document.RootElement.TryGetProperty("result", out var result)
            || !result.TryGetProperty("values", out var values)
            || values.ValueKind != JsonValueKind.Object)
        {
            throw new CacheBackendException("bulk get", keys[0], "the response has no result.values object");
        }

        var page = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var member in values.EnumerateObject())
        {
            page[member.Name] = member.Value.ValueKind switch
            {
                JsonValueKind.String => member.Value.GetString(),
                JsonValueKind.Null => null,
                _ => member.Value.GetRawText(),
            };
        }

        return page;
    }

    private async Task<HttpResponseMessage> SendAsync(
        string operation, string key, Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken)
    {
        try
        {
            return await _pipeline.ExecuteAsync(
                async token =>
                {
                    using var request = createRequest();
                    return await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, token);
                },
                cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            LogUnreachable(_logger, exception, operation, key);
            throw new CacheBackendException(operation, key, $"Cloudflare KV could not be reached: {exception.Message}", exception);
        }
    }

    private static async Task EnsureSuccessAsync(string operation, string key, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var (_, message) = CloudflareEnvelope.ReadErrors(body);
        throw Failure(operation, key, response.StatusCode, message);
    }

    private static async Task<JsonDocument> ReadJsonAsync(string operation, string key, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        }
        catch (JsonException exception)
        {
            throw new CacheBackendException(operation, key, "the response is not JSON", exception);
        }
    }

    private static CacheBackendException Failure(string operation, string key, HttpStatusCode status, string message)
    {
        var hint = status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            ? $" Check that {CloudflareKvOptions.ApiTokenVariable} has Workers KV Storage edit permission."
            : "";
        var detail = message.Length == 0 ? "no error message" : message;
        return new CacheBackendException(operation, key, $"Cloudflare returned {(int)status}: {detail}.{hint}");
    }

    // Each key is one path segment, percent-encoded the way encodeURIComponent does, so '/' and ':' survive.
    private string ValueUrl(string key) => $"{_namespaceUrl}/values/{Uri.EscapeDataString(key)}";

    [LoggerMessage(Level = LogLevel.Error, Message = "Cloudflare KV {Operation} of {Key} failed after every retry")]
    private static partial void LogUnreachable(ILogger logger, Exception exception, string operation, string key);
}
