using System.Text;
using System.Text.Json;
using RepoCache.Kv.Semantics;

namespace RepoCache.Kv.Rest.Endpoints;

/// <summary>
/// Parses and validates every item of a bulk write body before anything is stored, so one bad item rejects the
/// whole request instead of leaving it half written.
/// </summary>
internal static class BulkWriteParser
{
    private static readonly HashSet<string> KnownFields = new(StringComparer.Ordinal)
    {
        "key", "value", "expiration", "expiration_ttl", "metadata", "base64",
    };

    /// <summary>Returns the items of <paramref name="root"/>, throwing a 4xx error that names the first invalid item.</summary>
    public static List<BulkWriteItem> Parse(JsonElement root, long nowEpochSeconds)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw KvRestErrors.Malformed("The bulk write body must be a JSON array of {\"key\",\"value\"} objects.");
        }

        var count = root.GetArrayLength();
        if (count > KvLimits.MaxBulkWriteItems)
        {
            throw KvRestErrors.TooLarge($"The bulk write has {count} items, more than the limit of {KvLimits.MaxBulkWriteItems}. Split it into batches.");
        }

        var items = new List<BulkWriteItem>(count);
        var index = 0;
        foreach (var element in root.EnumerateArray())
        {
            items.Add(ParseItem(element, index, nowEpochSeconds));
            index++;
        }

        return items;
    }

    private static BulkWriteItem ParseItem(JsonElement element, int index, long nowEpochSeconds)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw KvRestErrors.Malformed($"Item {index} is a JSON {Kind(element)}; each item must be an object with 'key' and 'value'.");
        }

        foreach (var property in element.EnumerateObject())
        {
            if (!KnownFields.Contains(property.Name))
            {
                throw KvRestErrors.Malformed($"Item {index} has an unknown field '{property.Name}'. Allowed fields: {string.Join(", ", KnownFields)}.");
            }
        }

        var key = RequiredString(element, "key", index);
        var text = RequiredString(element, "value", index);
        var isBase64 = OptionalBoolean(element, "base64", index);

        try
        {
            KeyRules.Validate(key, KvOperations.Put);

            var value = isBase64 ? DecodeBase64(text, index, key) : Encoding.UTF8.GetBytes(text);
            ValueRules.ValidateLength(value.Length);

            var expirationTtl = OptionalInteger(element, "expiration_ttl", index);
            var expiration = expirationTtl is null ? OptionalInteger(element, "expiration", index) : null;
            ExpirationRules.Resolve(expiration, expirationTtl, nowEpochSeconds);

            var metadata = element.TryGetProperty("metadata", out var metadataElement)
                ? MetadataRules.Normalize(metadataElement.GetRawText())
                : null;

            return new BulkWriteItem(key, value, new KvPutOptions(expiration, expirationTtl, metadata));
        }
        catch (KvException error)
        {
            throw new KvException(error.StatusCode, error.ErrorCode, $"Item {index} (key '{key}'): {error.Message} Nothing was written.");
        }
    }

    private static string RequiredString(JsonElement element, string name, int index)
    {
        if (!element.TryGetProperty(name, out var property))
        {
            throw KvRestErrors.Malformed($"Item {index} has no '{name}' field; every item needs a string 'key' and a string 'value'.");
        }

        if (property.ValueKind != JsonValueKind.String)
        {
            throw KvRestErrors.Malformed($"Item {index} field '{name}' is a JSON {Kind(property)}; it must be a string.");
        }

        return property.GetString()!;
    }

    private static bool OptionalBoolean(JsonElement element, string name, int index)
    {
        if (!element.TryGetProperty(name, out var property))
        {
            return false;
        }

        return property.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False or JsonValueKind.Null => false,
            _ => throw KvRestErrors.Malformed($"Item {index} field '{name}' is {property.GetRawText()}; it must be true or false."),
        };
    }

    private static long? OptionalInteger(JsonElement element, string name, int index)
    {
        if (!element.TryGetProperty(name, out var property) || property.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (property.ValueKind == JsonValueKind.Number && property.TryGetInt64(out var number))
        {
            return number;
        }

        // Some clients send numbers as strings; accept them when they hold an integer.
        if (property.ValueKind == JsonValueKind.String)
        {
            return name == KvRestQuery.ExpirationTtl
                ? KvRestQuery.ParseExpirationTtl(property.GetString()!)
                : KvRestQuery.ParseExpiration(property.GetString()!);
        }

        return name == KvRestQuery.ExpirationTtl
            ? KvRestQuery.ParseExpirationTtl(property.GetRawText())
            : KvRestQuery.ParseExpiration(property.GetRawText());
    }

    private static byte[] DecodeBase64(string text, int index, string key)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw KvRestErrors.Malformed($"Item {index} (key '{key}') has base64 set, but its value is not valid base64. Encode the bytes with standard base64, or drop base64 to store the text as is.");
        }
    }

    private static string Kind(JsonElement element) => element.ValueKind.ToString().ToLowerInvariant();
}
