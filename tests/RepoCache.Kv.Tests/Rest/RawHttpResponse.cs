using System.Text;
using System.Text.Json;

namespace RepoCache.Kv.Tests.Rest;

/// <summary>A response read off a raw socket: status, headers (lower-case names) and body bytes.</summary>
internal sealed record RawHttpResponse(int StatusCode, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}
