using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using LiteDB;

namespace RepoCache.Kv.Stores.LiteDb;

/// <summary>
/// Layout of entry and chunk documents. Document ids are binary SHA-256 digests of the exact namespace and key bytes,
/// so LiteDB's string collation and its 1021-byte index key limit never touch key identity.
/// </summary>
internal static class EntryDocuments
{
    /// <summary>Collection of entry documents, one per key.</summary>
    public const string EntriesCollection = "entries";

    /// <summary>Collection of value chunks of entries too large to store inline.</summary>
    public const string ChunksCollection = "chunks";

    /// <summary>Largest value stored inside its entry document; larger values go to chunk documents.</summary>
    public const int MaxInlineValueBytes = 64 * 1024;

    /// <summary>Size of each chunk document's data, well below LiteDB's 16 MB document limit.</summary>
    public const int ChunkBytes = 1024 * 1024;

    private const string NamespaceField = "ns";
    private const string KeyField = "key";
    private const string ExpirationField = "exp";
    private const string MetadataField = "meta";
    private const string LengthField = "len";
    private const string ChunkCountField = "chunks";
    private const string InlineValueField = "value";
    private const string ChunkDataField = "data";

    /// <summary>Computes the entry document id of <paramref name="key"/> in <paramref name="namespaceId"/>.</summary>
    public static byte[] EntryId(string namespaceId, byte[] key)
    {
        var namespaceBytes = Encoding.UTF8.GetBytes(namespaceId);
        var input = new byte[namespaceBytes.Length + 1 + key.Length];
        namespaceBytes.CopyTo(input, 0);

        // The separator cannot occur in a namespace id, so (namespace, key) pairs never produce the same input.
        input[namespaceBytes.Length] = 0x00;
        key.CopyTo(input, namespaceBytes.Length + 1);

        return SHA256.HashData(input);
    }

    /// <summary>Computes the id of chunk <paramref name="index"/> of an entry.</summary>
    public static byte[] ChunkId(byte[] entryId, int index)
    {
        var id = new byte[entryId.Length + sizeof(int)];
        entryId.CopyTo(id, 0);
        BinaryPrimitives.WriteInt32BigEndian(id.AsSpan(entryId.Length), index);
        return id;
    }

    /// <summary>Counts the chunks a value of <paramref name="length"/> bytes needs; 0 means the value is stored inline.</summary>
    public static int ChunkCountFor(int length) =>
        length <= MaxInlineValueBytes ? 0 : (length + ChunkBytes - 1) / ChunkBytes;

    /// <summary>Builds the entry document; the value is included only when it is stored inline.</summary>
    public static BsonDocument ToEntryDocument(byte[] entryId, string namespaceId, StoredEntry entry)
    {
        var chunkCount = ChunkCountFor(entry.Value.Length);

        var document = new BsonDocument
        {
            ["_id"] = new BsonValue(entryId),
            [NamespaceField] = namespaceId,
            [KeyField] = new BsonValue(entry.Key),
            [ExpirationField] = entry.Expiration is { } expiration ? new BsonValue(expiration) : BsonValue.Null,
            [MetadataField] = entry.MetadataJson is { } metadata ? new BsonValue(metadata) : BsonValue.Null,
            [LengthField] = new BsonValue((long)entry.Value.Length),
            [ChunkCountField] = chunkCount,
        };

        if (chunkCount == 0)
        {
            document[InlineValueField] = new BsonValue(entry.Value);
        }

        return document;
    }

    /// <summary>Builds the chunk documents of a value that is too large to store inline.</summary>
    public static IEnumerable<BsonDocument> ToChunkDocuments(byte[] entryId, byte[] value)
    {
        var chunkCount = ChunkCountFor(value.Length);
        for (var index = 0; index < chunkCount; index++)
        {
            var start = index * ChunkBytes;
            var data = value.AsSpan(start, Math.Min(ChunkBytes, value.Length - start)).ToArray();

            yield return new BsonDocument
            {
                ["_id"] = new BsonValue(ChunkId(entryId, index)),
                [ChunkDataField] = new BsonValue(data),
            };
        }
    }

    /// <summary>Reads the namespace id of an entry document.</summary>
    public static string NamespaceOf(BsonDocument document) => document[NamespaceField].AsString;

    /// <summary>Reads the exact key bytes of an entry document.</summary>
    public static byte[] KeyOf(BsonDocument document) => document[KeyField].AsBinary;

    /// <summary>Reads how many chunk documents hold the value of an entry document.</summary>
    public static int ChunkCountOf(BsonDocument document) => document[ChunkCountField].AsInt32;

    /// <summary>Reads the key, expiration and metadata of an entry document.</summary>
    public static StoredKey ToStoredKey(BsonDocument document) =>
        new(KeyOf(document), ExpirationOf(document), MetadataOf(document));

    /// <summary>Reads a whole entry, loading chunk data through <paramref name="readChunk"/> when the value is not inline.</summary>
    public static StoredEntry ToStoredEntry(BsonDocument document, Func<int, byte[]> readChunk)
    {
        var length = checked((int)document[LengthField].AsInt64);
        var chunkCount = ChunkCountOf(document);

        byte[] value;
        if (chunkCount == 0)
        {
            value = document[InlineValueField].AsBinary;
        }
        else
        {
            value = new byte[length];
            var offset = 0;
            for (var index = 0; index < chunkCount; index++)
            {
                var data = readChunk(index);
                data.CopyTo(value, offset);
                offset += data.Length;
            }

            if (offset != length)
            {
                throw new InvalidDataException($"Entry value has {offset} bytes in its chunks but its document records {length}.");
            }
        }

        return new StoredEntry(KeyOf(document), value, ExpirationOf(document), MetadataOf(document));
    }

    /// <summary>Reads the data of a chunk document.</summary>
    public static byte[] ChunkDataOf(BsonDocument document) => document[ChunkDataField].AsBinary;

    private static long? ExpirationOf(BsonDocument document) =>
        document[ExpirationField].IsNull ? null : document[ExpirationField].AsInt64;

    private static string? MetadataOf(BsonDocument document) =>
        document[MetadataField].IsNull ? null : document[MetadataField].AsString;
}
