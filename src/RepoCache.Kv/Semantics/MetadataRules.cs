using System.Text;
using System.Text.Json;

namespace RepoCache.Kv.Semantics;

/// <summary>
/// Validation of metadata: any JSON value of at most 1024 UTF-8 bytes in its compact form.
/// </summary>
public static class MetadataRules
{
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

        try
        {
            using var document = JsonDocument.Parse(metadataJson);
            if (document.RootElement.ValueKind == JsonValueKind.Null)
            {
                return null;
            }
        }
        catch (JsonException error)
        {
            throw new KvException(
                400,
                KvErrorCodes.InvalidMetadata,
                $"KV {operation} failed: 400 Metadata is not valid JSON: {error.Message} Pass a JSON value, such as {{\"owner\":\"x\"}}, or no metadata.");
        }

        var compact = RemoveWhitespace(metadataJson);
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

    // Drops whitespace between tokens of valid JSON and keeps string contents, escapes included, exactly as written.
    // Re-serializing instead would escape characters above U+FFFF, which JSON.stringify leaves alone, and change the size.
    private static string RemoveWhitespace(string json)
    {
        var compact = new StringBuilder(json.Length);
        var inString = false;
        var escaped = false;

        foreach (var character in json)
        {
            if (inString)
            {
                compact.Append(character);
                if (escaped)
                {
                    escaped = false;
                }
                else if (character == '\\')
                {
                    escaped = true;
                }
                else if (character == '"')
                {
                    inString = false;
                }
            }
            else if (character is not (' ' or '\t' or '\n' or '\r'))
            {
                compact.Append(character);
                inString = character == '"';
            }
        }

        return compact.ToString();
    }
}
