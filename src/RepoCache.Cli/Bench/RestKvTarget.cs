using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace RepoCache.Cli.Bench;

/// <summary>Drives one namespace through the Workers KV REST API v4 over a keep-alive <see cref="HttpClient"/>.</summary>
internal sealed class RestKvTarget(HttpClient client, string accountId, string namespaceId) : IKvBenchTarget
{
    private readonly string namespacePath = $"client/v4/accounts/{accountId}/storage/kv/namespaces/{namespaceId}";

    public async Task PutAsync(string key, byte[] value)
    {
        using var content = new ByteArrayContent(value);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await client.PutAsync(ValuePath(key), content);
        await EnsureSuccessAsync(response, "PUT", key);
    }

    public async Task<byte[]?> GetAsync(string key)
    {
        using var response = await client.GetAsync(ValuePath(key));
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, "GET", key);
        return await response.Content.ReadAsByteArrayAsync();
    }

    public async Task<(int Keys, string? Cursor)> ListPageAsync(string? cursor)
    {
        var path = $"{namespacePath}/keys?limit={KvPhases.PageSize}";
        if (!string.IsNullOrEmpty(cursor))
        {
            path += $"&cursor={Uri.EscapeDataString(cursor)}";
        }

        using var response = await client.GetAsync(path);
        await EnsureSuccessAsync(response, "GET", "keys");

        await using var body = await response.Content.ReadAsStreamAsync();
        using var document = await JsonDocument.ParseAsync(body);
        var keys = document.RootElement.GetProperty("result").GetArrayLength();
        var next = document.RootElement.GetProperty("result_info").TryGetProperty("cursor", out var cursorElement) ? cursorElement.GetString() : null;

        return (keys, string.IsNullOrEmpty(next) ? null : next);
    }

    private string ValuePath(string key) => $"{namespacePath}/values/{Uri.EscapeDataString(key)}";

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string method, string key)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new InvalidOperationException($"{method} '{key}' over the KV REST API returned {(int)response.StatusCode}: {body}");
        }
    }
}
