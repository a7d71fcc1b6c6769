using System.Text;
using System.Text.Json;

namespace RepoCache.Kv;

/// <summary>
/// Typed writes on <see cref="IKvNamespace"/>; like <see cref="IKvNamespace.PutAsync"/>, each returns once the write is durable.
/// </summary>
public static class KvNamespaceWriteExtensions
{
    /// <summary>Writes <paramref name="value"/> as UTF-8 text.</summary>
    public static Task PutTextAsync(
        this IKvNamespace kv,
        string key,
        string value,
        KvPutOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kv);
        ArgumentNullException.ThrowIfNull(value);
        return kv.PutAsync(key, Encoding.UTF8.GetBytes(value), options, cancellationToken);
    }

    /// <summary>Writes <paramref name="value"/> serialized as JSON, with web defaults unless <paramref name="jsonOptions"/> is given.</summary>
    public static Task PutJsonAsync<T>(
        this IKvNamespace kv,
        string key,
        T value,
        KvPutOptions? options = null,
        JsonSerializerOptions? jsonOptions = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kv);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, jsonOptions ?? JsonSerializerOptions.Web);
        return kv.PutAsync(key, bytes, options, cancellationToken);
    }
}
