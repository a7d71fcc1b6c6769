using System.Buffers.Text;

namespace RepoCache.Kv.Semantics;

/// <summary>
/// The opaque list cursor: base64url of the last listed key's UTF-8 bytes, meaning "start after this key".
/// Keys deleted or added before that position between pages therefore shift nothing.
/// </summary>
public static class ListCursor
{
    /// <summary>Encodes the cursor that continues after <paramref name="lastKey"/>.</summary>
    public static string Encode(ReadOnlySpan<byte> lastKey) => Base64Url.EncodeToString(lastKey);

    /// <summary>Decodes a cursor to the key bytes to start after, or null for none; throws a 400 <see cref="KvException"/> when it is malformed.</summary>
    public static byte[]? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        if (!Base64Url.IsValid(cursor))
        {
            throw Malformed(cursor);
        }

        var bytes = Base64Url.DecodeFromChars(cursor);
        if (bytes.Length == 0 || bytes.Length > KvLimits.MaxKeyBytes)
        {
            throw Malformed(cursor);
        }

        return bytes;
    }

    private static KvException Malformed(string cursor) =>
        new(
            400,
            KvErrorCodes.InvalidListOptions,
            $"KV {KvOperations.List} failed: 400 Invalid cursor '{cursor}'. Pass the cursor of the previous page unchanged, or none to start at the first key.");
}
