using System.Buffers;
using System.Text;
using System.Text.Json;
using RepoCache.Proxy.Contract;

namespace RepoCache.Proxy.Caching;

/// <summary>
/// A quick reader of stored entries in their usual shape: one object with each of the eight members exactly once, of the
/// right JSON types. Anything else is left to <see cref="CacheEntryCodec"/>'s serializer, so the reader accepts only
/// entries the serializer accepts, with the same values, which the tests check on a table of texts.
/// </summary>
internal static class CacheEntryReader
{
    // Stored entries are usually a few hundred bytes, so the UTF-8 copy fits on the stack in nearly every case.
    private const int StackBytes = 1024;

    private const int OwnerBit = 1 << 0;
    private const int NameBit = 1 << 1;
    private const int PushedAtBit = 1 << 2;
    private const int ProcessedAtBit = 1 << 3;
    private const int StatusBit = 1 << 4;
    private const int ProcessorBit = 1 << 5;
    private const int DigestBit = 1 << 6;
    private const int ErrorBit = 1 << 7;
    private const int AllMembers = (1 << 8) - 1;

    private const int PathBit = 1 << 0;
    private const int BytesBit = 1 << 1;
    private const int Sha256Bit = 1 << 2;
    private const int AllDigestMembers = (1 << 3) - 1;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads an entry in the usual shape, or returns null when the serializer has to decide.</summary>
    public static CacheEntry? TryRead(string text)
    {
        byte[]? rented = null;
        try
        {
            var maxBytes = StrictUtf8.GetMaxByteCount(text.Length);
            var buffer = maxBytes <= StackBytes ? stackalloc byte[StackBytes] : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
            var length = StrictUtf8.GetBytes(text, buffer);
            return TryRead(buffer[..length]);
        }
        catch (Exception error) when (error is JsonException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static CacheEntry? TryRead(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        string? owner = null, name = null, pushedAt = null, processedAt = null, status = null, processor = null, error = null;
        DigestInfo? digest = null;
        var seen = 0;

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var bit = MemberBit(ref reader);
            if (bit == 0 || (seen & bit) != 0 || !reader.Read())
            {
                return null;
            }

            seen |= bit;
            var ok = bit switch
            {
                OwnerBit => TryString(ref reader, out owner),
                NameBit => TryString(ref reader, out name),
                ProcessedAtBit => TryString(ref reader, out processedAt),
                StatusBit => TryString(ref reader, out status),
                PushedAtBit => TryNullableString(ref reader, out pushedAt),
                ProcessorBit => TryNullableString(ref reader, out processor),
                ErrorBit => TryNullableString(ref reader, out error),
                _ => TryDigest(ref reader, out digest),
            };

            if (!ok)
            {
                return null;
            }
        }

        // After the closing brace only whitespace may follow; Read throws on anything else.
        if (reader.TokenType != JsonTokenType.EndObject || seen != AllMembers || reader.Read())
        {
            return null;
        }

        return new CacheEntry(owner!, name!, pushedAt, processedAt!, status!, processor, digest, error);
    }

    private static int MemberBit(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            return 0;
        }

        var name = reader.ValueSpan;
        return name switch
        {
            _ when name.SequenceEqual("owner"u8) => OwnerBit,
            _ when name.SequenceEqual("name"u8) => NameBit,
            _ when name.SequenceEqual("pushedAt"u8) => PushedAtBit,
            _ when name.SequenceEqual("processedAt"u8) => ProcessedAtBit,
            _ when name.SequenceEqual("status"u8) => StatusBit,
            _ when name.SequenceEqual("processor"u8) => ProcessorBit,
            _ when name.SequenceEqual("digest"u8) => DigestBit,
            _ when name.SequenceEqual("error"u8) => ErrorBit,
            _ => 0,
        };
    }

    private static bool TryString(ref Utf8JsonReader reader, out string? value)
    {
        value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return value is not null;
    }

    private static bool TryNullableString(ref Utf8JsonReader reader, out string? value)
    {
        value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return reader.TokenType is JsonTokenType.String or JsonTokenType.Null;
    }

    private static bool TryDigest(ref Utf8JsonReader reader, out DigestInfo? digest)
    {
        digest = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        string? path = null, sha256 = null;
        long bytes = 0;
        var seen = 0;

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var bit = reader.ValueIsEscaped ? 0
                : reader.ValueTextEquals("path"u8) ? PathBit
                : reader.ValueTextEquals("bytes"u8) ? BytesBit
                : reader.ValueTextEquals("sha256"u8) ? Sha256Bit
                : 0;
            if (bit == 0 || (seen & bit) != 0 || !reader.Read())
            {
                return false;
            }

            seen |= bit;
            var ok = bit switch
            {
                PathBit => TryString(ref reader, out path),
                Sha256Bit => TryString(ref reader, out sha256),
                _ => reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out bytes),
            };

            if (!ok)
            {
                return false;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || seen != AllDigestMembers)
        {
            return false;
        }

        digest = new DigestInfo(path!, bytes, sha256!);
        return true;
    }
}
