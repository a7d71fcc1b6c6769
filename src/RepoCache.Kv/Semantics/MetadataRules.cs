using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace RepoCache.Kv.Semantics;

/// <summary>
/// Validation of metadata: any JSON value of at most 1024 UTF-8 bytes in its compact form.
/// </summary>
public static class MetadataRules
{
    // Escape only what JSON requires, as JSON.stringify does, so the measured size matches production's.
    private static readonly JsonWriterOptions CompactWriter = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Returns the compact JSON text to store, or null for no metadata (null, or the JSON literal <c>null</c>, as in
    /// production where <c>metadata: null</c> means none). Falsy values such as <c>false</c>, <c>0</c> and <c>""</c> are kept.
    /// </summary>
    public static string? Normalize(string? metadataJson, string operation = KvOperations.Put)
    {
        if (metadataJson is null)
        {
            return null;
        }

        string compact;
        try
        {
            using var document = JsonDocument.Parse(metadataJson);
            if (document.RootElement.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, CompactWriter))
            {
                document.RootElement.WriteTo(writer);
            }

            compact = Encoding.UTF8.GetString(buffer.ToArray());
        }
        catch (JsonException error)
        {
            throw new KvException(
                400,
                KvErrorCodes.InvalidMetadata,
                $"KV {operation} failed: 400 Metadata is not valid JSON: {error.Message} Pass a JSON value, such as {{\"owner\":\"x\"}}, or no metadata.");
        }

        var length = Encoding.UTF8.GetByteCount(compact);
        if (length > KvLimits.MaxMetadataBytes)
        {
            throw new KvException(
                413,
                KvErrorCodes.InvalidMetadata,
                $"KV {operation} failed: 413 Metadata length of {length} exceeds limit of {KvLimits.MaxMetadataBytes}.");
        }

        return compact;
    }
}
