using System.Text.Json.Serialization;

namespace RepoCache.Proxy.Contract;

/// <summary>Body of <c>GET /health</c>.</summary>
/// <param name="Status">Always <c>ok</c> when the proxy responds.</param>
/// <param name="Version">RepoCache version.</param>
/// <param name="Runtime">.NET runtime version.</param>
/// <param name="Backend">KV backend in use: <c>embedded</c> or <c>cloudflare</c>.</param>
/// <param name="Location">Where the backend stores entries (database file, or account and namespace), without secrets.</param>
public sealed record HealthResponse(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("runtime")] string Runtime,
    [property: JsonPropertyName("backend")] string Backend,
    [property: JsonPropertyName("location")] string Location);
