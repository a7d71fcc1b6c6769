using System.Text.Json;
using RepoCache.Kv.Semantics;

namespace RepoCache.Kv;

/// <summary>JSON parsing of stored values shared by the typed read helpers.</summary>
internal static class KvValueJson
{
    /// <summary>Parses a value as one JSON document and returns a copy of its root that outlives the document.</summary>
    public static JsonElement ParseElement(string key, ReadOnlyMemory<byte> value)
    {
        try
        {
            using var document = JsonDocument.Parse(value);
            return document.RootElement.Clone();
        }
        catch (JsonException error)
        {
            throw NotJson(key, error);
        }
    }

    /// <summary>Deserializes a value to <typeparamref name="T"/>.</summary>
    public static T? Deserialize<T>(string key, ReadOnlyMemory<byte> value, JsonSerializerOptions? jsonOptions)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(value.Span, jsonOptions ?? JsonSerializerOptions.Web);
        }
        catch (JsonException error)
        {
            throw NotJson(key, error);
        }
    }

    private static KvException NotJson(string key, JsonException error) =>
        new(
            400,
            KvErrorCodes.ValueNotJson,
            $"Value of key '{key}' is not valid JSON of the requested shape: {error.Message} Read it as text or bytes instead.");
}
