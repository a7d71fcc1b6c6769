using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace RepoCache.Kv.Stores.LiteDb;

/// <summary>
/// The append-only write-ahead journal next to a data file (<c>kv.db.journal</c> for <c>kv.db</c>). Each append is one
/// write call of length-prefixed, checksummed records, so once it returns the operating system has the bytes and a
/// killed process loses none of them.
/// NOTE: appends are not fsynced, like LiteDB's commits, so a power cut can lose the last acknowledged writes.
/// </summary>
/// <remarks>
/// A record is the payload length (int32, little-endian), the first 8 bytes of the payload's SHA-256, then the payload.
/// The payload contains the kind (1 put, 2 delete), the namespace id (uint16 length + UTF-8) and the key (int32 length +
/// bytes). A put adds the value (int32 length + bytes), an expiration flag byte with int64 epoch seconds, and the
/// metadata (int32 length, -1 for none, + UTF-8).
/// </remarks>
internal sealed class WriteJournal : IDisposable
{
    /// <summary>Suffix appended to the data file path to name its journal.</summary>
    public const string FileSuffix = ".journal";

    private const int HeaderBytes = sizeof(int) + ChecksumBytes;
    private const int ChecksumBytes = 8;
    private const byte PutKind = 1;
    private const byte DeleteKind = 2;

    // Far above any record an inline value can produce, so a larger length can only be a torn or foreign header.
    private const int MaxPayloadBytes = 1024 * 1024;

    private readonly SafeFileHandle handle;

    private WriteJournal(string path, SafeFileHandle handle, long length)
    {
        Path = path;
        this.handle = handle;
        Length = length;
    }

    /// <summary>Full path of the journal file.</summary>
    public string Path { get; }

    /// <summary>Bytes of valid records in the file.</summary>
    public long Length { get; private set; }

    /// <summary>Opens or creates the journal of the data file at <paramref name="dataFilePath"/>.</summary>
    public static WriteJournal Open(string dataFilePath)
    {
        var path = dataFilePath + FileSuffix;
        var handle = File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        return new WriteJournal(path, handle, RandomAccess.GetLength(handle));
    }

    /// <summary>
    /// Reads the records in the file in the order they were appended, stopping at the first one that is cut short or
    /// fails its checksum. <paramref name="droppedBytes"/> is the number of bytes dropped after the last valid record.
    /// </summary>
    public IReadOnlyList<JournalRecord> ReadAll(out long droppedBytes)
    {
        var bytes = new byte[Length];
        var read = 0;
        while (read < bytes.Length)
        {
            var count = RandomAccess.Read(handle, bytes.AsSpan(read), read);
            if (count == 0)
            {
                break;
            }

            read += count;
        }

        var records = new List<JournalRecord>();
        var offset = 0;
        while (TryReadRecord(bytes.AsSpan(offset, read - offset), out var record, out var consumed))
        {
            records.Add(record);
            offset += consumed;
        }

        droppedBytes = Length - offset;
        return records;
    }

    /// <summary>Appends <paramref name="records"/> with one write call. On failure it cuts the file back to its previous length.</summary>
    public void Append(IReadOnlyList<JournalRecord> records)
    {
        var buffer = new MemoryStream();
        foreach (var record in records)
        {
            WriteRecord(buffer, record);
        }

        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        try
        {
            RandomAccess.Write(handle, bytes, Length);
        }
        catch
        {
            RandomAccess.SetLength(handle, Length);
            throw;
        }

        Length += bytes.Length;
    }

    /// <summary>Empties the journal once every record in it is committed to the data file.</summary>
    public void Clear()
    {
        RandomAccess.SetLength(handle, 0);
        Length = 0;
    }

    public void Dispose() => handle.Dispose();

    private static void WriteRecord(MemoryStream buffer, JournalRecord record)
    {
        var namespaceBytes = Encoding.UTF8.GetBytes(record.NamespaceId);
        var metadataBytes = record.Entry?.MetadataJson is { } metadata ? Encoding.UTF8.GetBytes(metadata) : null;
        var payloadLength = 1 + sizeof(ushort) + namespaceBytes.Length + sizeof(int) + record.Key.Length;
        if (record.Entry is { } entry)
        {
            payloadLength += sizeof(int) + entry.Value.Length + 1 + sizeof(long) + sizeof(int) + (metadataBytes?.Length ?? 0);
        }

        var recordBytes = new byte[HeaderBytes + payloadLength];
        var payload = recordBytes.AsSpan(HeaderBytes);
        var position = 0;

        payload[position++] = record.Entry is null ? DeleteKind : PutKind;
        BinaryPrimitives.WriteUInt16LittleEndian(payload[position..], (ushort)namespaceBytes.Length);
        position += sizeof(ushort);
        namespaceBytes.CopyTo(payload[position..]);
        position += namespaceBytes.Length;
        position = WriteBytes(payload, position, record.Key);

        if (record.Entry is { } put)
        {
            position = WriteBytes(payload, position, put.Value);
            payload[position++] = put.Expiration is null ? (byte)0 : (byte)1;
            BinaryPrimitives.WriteInt64LittleEndian(payload[position..], put.Expiration ?? 0);
            position += sizeof(long);
            BinaryPrimitives.WriteInt32LittleEndian(payload[position..], metadataBytes?.Length ?? -1);
            position += sizeof(int);
            metadataBytes?.CopyTo(payload[position..]);
        }

        BinaryPrimitives.WriteInt32LittleEndian(recordBytes, payloadLength);
        SHA256.HashData(payload)[..ChecksumBytes].CopyTo(recordBytes.AsSpan(sizeof(int)));
        buffer.Write(recordBytes);
    }

    private static int WriteBytes(Span<byte> payload, int position, byte[] bytes)
    {
        BinaryPrimitives.WriteInt32LittleEndian(payload[position..], bytes.Length);
        bytes.CopyTo(payload[(position + sizeof(int))..]);
        return position + sizeof(int) + bytes.Length;
    }

    private static bool TryReadRecord(ReadOnlySpan<byte> bytes, out JournalRecord record, out int consumed)
    {
        record = null!;
        consumed = 0;
        if (bytes.Length < HeaderBytes)
        {
            return false;
        }

        var payloadLength = BinaryPrimitives.ReadInt32LittleEndian(bytes);
        if (payloadLength <= 0 || payloadLength > MaxPayloadBytes || payloadLength > bytes.Length - HeaderBytes)
        {
            return false;
        }

        var payload = bytes.Slice(HeaderBytes, payloadLength);
        if (!SHA256.HashData(payload)[..ChecksumBytes].AsSpan().SequenceEqual(bytes.Slice(sizeof(int), ChecksumBytes)))
        {
            return false;
        }

        var reader = new PayloadReader(payload.ToArray());
        var kind = reader.ReadByte();
        var namespaceId = Encoding.UTF8.GetString(reader.ReadBytes(reader.ReadUInt16()));
        var key = reader.ReadBytes(reader.ReadInt32());
        StoredEntry? entry = null;
        if (kind == PutKind)
        {
            var value = reader.ReadBytes(reader.ReadInt32());
            var hasExpiration = reader.ReadByte() == 1;
            var expiration = reader.ReadInt64();
            var metadataLength = reader.ReadInt32();
            var metadata = metadataLength < 0 ? null : Encoding.UTF8.GetString(reader.ReadBytes(metadataLength));
            entry = new StoredEntry(key, value, hasExpiration ? expiration : null, metadata);
        }
        else if (kind != DeleteKind)
        {
            return false;
        }

        record = new JournalRecord(namespaceId, key, entry);
        consumed = HeaderBytes + payloadLength;
        return true;
    }

    // Reads the fields of a payload whose checksum already matched.
    private sealed class PayloadReader(byte[] payload)
    {
        private int position;

        public byte ReadByte() => payload[position++];

        public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(sizeof(ushort)));

        public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(sizeof(int)));

        public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(Take(sizeof(long)));

        public byte[] ReadBytes(int count) => Take(count).ToArray();

        private ReadOnlySpan<byte> Take(int count)
        {
            var span = payload.AsSpan(position, count);
            position += count;
            return span;
        }
    }
}
