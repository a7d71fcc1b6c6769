using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using RepoCache.Proxy.Contract;

namespace RepoCache.Cli.Bench;

/// <summary>Cache proxy calls that throw when the proxy returns anything but the expected success.</summary>
internal static class ProxyCalls
{
    /// <summary>Writes one entry and expects 204.</summary>
    public static async Task PutAsync(HttpClient client, string path, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await client.PutAsync(path, content);
        if (response.StatusCode != HttpStatusCode.NoContent)
        {
            throw new InvalidOperationException($"PUT /{path} returned {(int)response.StatusCode}; expected 204. Body: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Checks one repository and expects 200, a hit.</summary>
    public static async Task CheckAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET /{path} returned {(int)response.StatusCode}; expected 200 (a hit). Body: {await response.Content.ReadAsStringAsync()}");
        }

        await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Sends every batch body and expects <paramref name="expectedHits"/> hits in total.</summary>
    public static async Task BatchCheckAsync(HttpClient client, List<byte[]> bodies, int expectedHits)
    {
        var hits = 0;
        foreach (var body in bodies)
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await client.PostAsync("cache/check", content);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"POST /cache/check returned {(int)response.StatusCode}; expected 200. Body: {System.Text.Encoding.UTF8.GetString(bytes)}");
            }

            var result = JsonSerializer.Deserialize<CheckResponse>(bytes)!;
            hits += result.Results.Count(item => item.Hit);
        }

        if (hits != expectedHits)
        {
            throw new InvalidOperationException($"The batch check returned {hits:N0} hits; expected {expectedHits:N0}, one per feed row.");
        }
    }
}
