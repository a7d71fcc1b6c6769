using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RepoCache.Kv.Semantics;

namespace RepoCache.Kv.Rest.Endpoints;

/// <summary>
/// <c>POST /{namespace_id}/bulk/get</c>: reads up to 100 text or JSON values at once.
/// </summary>
internal static class BulkGetEndpoint
{
    // 100 keys of 512 bytes, each byte possibly escaped as \u00XX, plus field names: 1 MiB is ample.
    private const int MaxBodyBytes = 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Returns <c>{"values": {key: value|null}}</c>, or with <c>withMetadata</c> <c>{key: {value, metadata, expiration?}|null}</c>.</summary>
    public static async Task GetAsync(KvRestRequest request)
    {
        var kvNamespace = KvRestNamespaces.Resolve(request);

        using var document = await KvRestBodyReader.ReadJsonAsync(request.Http, MaxBodyBytes, request.Aborted);
        var (keys, asJson, withMetadata) = ParseBody(document.RootElement);

        var entries = await kvNamespace.GetBulkAsync(keys, cancellationToken: request.Aborted);

        var values = new JsonObject();
        foreach (var (key, entry) in entries)
        {
            values[key] = entry is null ? null : ToJson(key, entry, asJson, withMetadata);
        }

        await KvRestEnvelope.WriteSuccessAsync(request.Http, new JsonObject { ["values"] = values });
    }

    private static (List<string> Keys, bool AsJson, bool WithMetadata) ParseBody(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw KvRestErrors.Malformed("The bulk get body must be a JSON object such as {\"keys\":[\"a\",\"b\"],\"type\":\"text\",\"withMetadata\":false}.");
        }

        if (!root.TryGetProperty("keys", out var keysElement) || keysElement.ValueKind != JsonValueKind.Array)
        {
            throw KvRestErrors.Malformed("The bulk get body has no 'keys' array; list the keys to read, such as {\"keys\":[\"a\",\"b\"]}.");
        }

        var keys = new List<string>(keysElement.GetArrayLength());
        var index = 0;
        foreach (var key in keysElement.EnumerateArray())
        {
            if (key.ValueKind != JsonValueKind.String)
            {
                throw KvRestErrors.Malformed($"keys[{index}] is a JSON {key.ValueKind.ToString().ToLowerInvariant()}; every key must be a string.");
            }

            keys.Add(key.GetString()!);
            index++;
        }

        var asJson = false;
        if (root.TryGetProperty("type", out var type) && type.ValueKind != JsonValueKind.Null)
        {
            var typeName = type.ValueKind == JsonValueKind.String ? type.GetString() : type.GetRawText();
            asJson = typeName switch
            {
                "text" => false,
                "json" => true,
                _ => throw new KvException(400, KvErrorCodes.InvalidBulkGet, $"\"{typeName}\" is not a valid type. Use \"json\" or \"text\""),
            };
        }

        var withMetadata = false;
        if (root.TryGetProperty("withMetadata", out var metadataFlag) && metadataFlag.ValueKind != JsonValueKind.Null)
        {
            withMetadata = metadataFlag.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw KvRestErrors.Malformed($"withMetadata is {metadataFlag.GetRawText()}; it must be true or false."),
            };
        }

        return (keys, asJson, withMetadata);
    }

    private static JsonNode? ToJson(string key, KvEntry entry, bool asJson, bool withMetadata)
    {
        var value = asJson ? ParseJsonValue(key, entry.Value) : JsonValue.Create(DecodeText(key, entry.Value));
        if (!withMetadata)
        {
            return value;
        }

        var result = new JsonObject
        {
            ["value"] = value,
            ["metadata"] = entry.MetadataJson is null ? null : JsonNode.Parse(entry.MetadataJson),
        };

        if (entry.Expiration is { } expiration)
        {
            result["expiration"] = expiration;
        }

        return result;
    }

    private static string DecodeText(string key, ReadOnlyMemory<byte> value)
    {
        try
        {
            return StrictUtf8.GetString(value.Span);
        }
        catch (DecoderFallbackException)
        {
            throw new KvException(
                400,
                KvErrorCodes.InvalidBulkGet,
                $"The value of key '{key}' is not UTF-8 text, and bulk get returns only text and JSON values. Read it with GET /values/{{key}}.");
        }
    }

    private static JsonNode? ParseJsonValue(string key, ReadOnlyMemory<byte> value)
    {
        try
        {
            return JsonNode.Parse(value.Span);
        }
        catch (JsonException)
        {
            throw new KvException(
                400,
                KvErrorCodes.ValueNotJson,
                $"At least one of the requested keys corresponds to a non-json value: the value of key '{key}' is not JSON. Request type \"text\" instead.");
        }
    }
}
