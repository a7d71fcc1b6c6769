using System.Text;
using System.Text.Json;

namespace RepoCache.Kv;

/// <summary>
/// Typed reads on <see cref="IKvNamespace"/>, like the binding's <c>get(key, type)</c>; each returns null for a missing or expired key.
/// </summary>
public static class KvNamespaceReadExtensions
{
    /// <summary>Reads a value as UTF-8 text; invalid byte sequences become U+FFFD, as a JavaScript TextDecoder does.</summary>
    public static async Task<string?> GetTextAsync(
        this IKvNamespace kv,
        string key,
        KvGetOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var entry = await GetEntryAsync(kv, key, options, cancellationToken).ConfigureAwait(false);
        return entry is null ? null : Encoding.UTF8.GetString(entry.Value.Span);
    }

    /// <summary>Reads a value as a new byte array.</summary>
    public static async Task<byte[]?> GetBytesAsync(
        this IKvNamespace kv,
        string key,
        KvGetOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var entry = await GetEntryAsync(kv, key, options, cancellationToken).ConfigureAwait(false);
        return entry?.Value.ToArray();
    }

    /// <summary>Reads a value as a JSON element.</summary>
    /// <exception cref="Semantics.KvException">400 when the value is not JSON.</exception>
    public static async Task<JsonElement?> GetJsonAsync(
        this IKvNamespace kv,
        string key,
        KvGetOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var entry = await GetEntryAsync(kv, key, options, cancellationToken).ConfigureAwait(false);
        return entry is null ? null : KvValueJson.ParseElement(key, entry.Value);
    }

    /// <summary>Reads a value as JSON deserialized to <typeparamref name="T"/>, with web defaults unless <paramref name="jsonOptions"/> is given.</summary>
    /// <exception cref="Semantics.KvException">400 when the value is not JSON of that shape.</exception>
    public static async Task<T?> GetJsonAsync<T>(
        this IKvNamespace kv,
        string key,
        JsonSerializerOptions? jsonOptions = null,
        KvGetOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var entry = await GetEntryAsync(kv, key, options, cancellationToken).ConfigureAwait(false);
        return entry is null ? default : KvValueJson.Deserialize<T>(key, entry.Value, jsonOptions);
    }

    /// <summary>Reads a value as a read-only stream positioned at its start.</summary>
    public static async Task<Stream?> GetStreamAsync(
        this IKvNamespace kv,
        string key,
        KvGetOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var entry = await GetEntryAsync(kv, key, options, cancellationToken).ConfigureAwait(false);
        return entry is null ? null : new MemoryStream(entry.Value.ToArray(), writable: false);
    }

    private static Task<KvEntry?> GetEntryAsync(IKvNamespace kv, string key, KvGetOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kv);
        return kv.GetWithMetadataAsync(key, options, cancellationToken);
    }
}
