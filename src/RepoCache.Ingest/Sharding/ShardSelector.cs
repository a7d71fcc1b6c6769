using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using RepoCache.Ingest.Feed;

namespace RepoCache.Ingest.Sharding;

/// <summary>Assigns repositories to shards by a stable hash of the lower-cased <c>owner/name</c>.</summary>
public static class ShardSelector
{
    /// <summary>
    /// Returns the shard number (1 to <paramref name="count"/>) of a repository. SHA-256 is used instead of
    /// <see cref="string.GetHashCode()"/> because that one changes between processes.
    /// </summary>
    public static int ShardOf(string owner, string name, int count) => ShardOfKey(FeedRowKey.For(owner, name), count);

    /// <summary>Returns the shard number (1 to <paramref name="count"/>) of a repository whose <see cref="FeedRow.Key"/> is <paramref name="rowKey"/>.</summary>
    public static int ShardOfKey(string rowKey, int count)
    {
        var key = Encoding.UTF8.GetBytes(rowKey);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(key, hash);
        var value = BinaryPrimitives.ReadUInt64BigEndian(hash);
        return (int)(value % (ulong)count) + 1;
    }

    /// <summary>Returns the rows that belong to <paramref name="shard"/>, in feed order.</summary>
    public static IReadOnlyList<FeedRow> Select(IEnumerable<FeedRow> rows, ShardSpec shard) =>
        rows.Where(row => ShardOfKey(row.Key, shard.Count) == shard.Number).ToList();
}
