using System.Text.Json;
using RepoCache.Proxy.Contract;

namespace RepoCache.Proxy.Caching;

/// <summary>Converts cache entries to and from the JSON text stored in KV.</summary>
internal static class CacheEntryCodec
{
    /// <summary>Serialises an entry as the stored JSON text.</summary>
    public static string Serialize(CacheEntry entry) => JsonSerializer.Serialize(entry, CacheEntryJsonContext.Default.CacheEntry);

    /// <summary>Reads stored JSON text, or returns null when it is not a cache entry (a <c>malformed</c> miss).</summary>
    public static CacheEntry? TryDeserialize(string text)
    {
        var entry = CacheEntryReader.TryRead(text);
        if (entry is not null)
        {
            return entry;
        }

        try
        {
            return JsonSerializer.Deserialize(text, CacheEntryJsonContext.Default.CacheEntry);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
