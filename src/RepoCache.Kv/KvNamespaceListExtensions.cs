using System.Runtime.CompilerServices;

namespace RepoCache.Kv;

/// <summary>
/// Paging helpers on <see cref="IKvNamespace"/>.
/// </summary>
public static class KvNamespaceListExtensions
{
    /// <summary>Enumerates every key that starts with <paramref name="prefix"/>, in UTF-8 byte order, page by page until the list is complete.</summary>
    public static async IAsyncEnumerable<KvListKey> ListAllKeysAsync(
        this IKvNamespace kv,
        string? prefix = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kv);

        string? cursor = null;
        do
        {
            var page = await kv.ListAsync(new KvListOptions(Prefix: prefix, Cursor: cursor), cancellationToken).ConfigureAwait(false);
            foreach (var key in page.Keys)
            {
                yield return key;
            }

            cursor = page.ListComplete ? null : page.Cursor;
        }
        while (cursor is not null);
    }
}
