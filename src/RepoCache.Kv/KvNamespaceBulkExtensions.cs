using System.Text;
using System.Text.Json;
using RepoCache.Kv.Semantics;

namespace RepoCache.Kv;

/// <summary>
/// Typed bulk reads on <see cref="IKvNamespace"/>, like the binding's <c>get(keys[], type)</c> with type text or json.
/// Results follow the order of first appearance in the request; missing keys map to null.
/// </summary>
public static class KvNamespaceBulkExtensions
{
    /// <summary>Reads 1-100 values as UTF-8 text.</summary>
    public static async Task<IReadOnlyDictionary<string, string?>> GetBulkTextAsync(
        this IKvNamespace kv,
        IReadOnlyList<string> keys,
        KvGetOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kv);
        var entries = await kv.GetBulkAsync(keys, options, cancellationToken).ConfigureAwait(false);

        var values = new OrderedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, entry) in entries)
        {
            values.Add(key, entry is null ? null : Encoding.UTF8.GetString(entry.Value.Span));
        }

        return values;
    }

    /// <summary>Reads 1-100 values as JSON elements.</summary>
    /// <exception cref="KvException">400 when any value found is not JSON.</exception>
    public static async Task<IReadOnlyDictionary<string, JsonElement?>> GetBulkJsonAsync(
        this IKvNamespace kv,
        IReadOnlyList<string> keys,
        KvGetOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kv);
        var entries = await kv.GetBulkAsync(keys, options, cancellationToken).ConfigureAwait(false);

        var values = new OrderedDictionary<string, JsonElement?>(StringComparer.Ordinal);
        foreach (var (key, entry) in entries)
        {
            values.Add(key, entry is null ? null : ParseBulkValue(key, entry.Value));
        }

        return values;
    }

    private static JsonElement ParseBulkValue(string key, ReadOnlyMemory<byte> value)
    {
        try
        {
            using var document = JsonDocument.Parse(value);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw BulkGetRules.NonJsonValue(key);
        }
    }
}
