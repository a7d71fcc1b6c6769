using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;

namespace RepoCache.Proxy.Validation;

/// <summary>
/// Strict reading of a JSON request body: exactly one value, no comments or trailing commas, no duplicate
/// or unknown members, and every member of the JSON type its rule names.
/// </summary>
internal static class JsonBody
{
    private static readonly byte[] Utf8ByteOrderMark = [0xEF, 0xBB, 0xBF];

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 16,
    };

    /// <summary>Parses the body as one JSON object; <paramref name="description"/> names the body in messages.</summary>
    public static JsonDocument ParseObject(ReadOnlyMemory<byte> body, string description)
    {
        // Some clients (PowerShell 5, .NET's UTF8Encoding with a preamble) start the body with a UTF-8 byte order mark.
        if (body.Span.StartsWith(Utf8ByteOrderMark))
        {
            body = body[Utf8ByteOrderMark.Length..];
        }

        if (body.IsEmpty)
        {
            throw new RequestProblemException(StatusCodes.Status400BadRequest, ProblemCodes.InvalidJson, null,
                $"The request body is empty; send {description} as a JSON object.");
        }

        // The JSON reader checks UTF-8 only in the values it decodes, so a bad property name would fail later.
        if (!Utf8.IsValid(body.Span))
        {
            throw new RequestProblemException(StatusCodes.Status400BadRequest, ProblemCodes.InvalidJson, null,
                $"The request body is not valid UTF-8; send {description} as UTF-8 encoded JSON.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException exception)
        {
            throw new RequestProblemException(StatusCodes.Status400BadRequest, ProblemCodes.InvalidJson, null,
                $"The request body is not valid JSON (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1}): {exception.Message} Send {description} as one JSON object.");
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            var kind = Describe(document.RootElement);
            document.Dispose();
            throw new RequestProblemException(StatusCodes.Status400BadRequest, ProblemCodes.InvalidJson, null,
                $"The request body is {kind}; send {description} as a JSON object.");
        }

        return document;
    }

    /// <summary>Rejects members outside <paramref name="allowed"/> and members that appear twice.</summary>
    public static void CheckMembers(JsonElement element, string path, IReadOnlyCollection<string> allowed)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in element.EnumerateObject())
        {
            var field = Join(path, member.Name);
            if (!allowed.Contains(member.Name))
            {
                throw new RequestProblemException(StatusCodes.Status400BadRequest, ProblemCodes.UnknownField, field,
                    $"{field} is not a known member; allowed members are {string.Join(", ", allowed)} (names are case-sensitive).");
            }

            if (!seen.Add(member.Name))
            {
                throw new RequestProblemException(StatusCodes.Status400BadRequest, ProblemCodes.InvalidJson, field,
                    $"{field} appears more than once; send each member once.");
            }
        }
    }

    /// <summary>Reads a member that must be present and either a string or null.</summary>
    public static string? RequiredNullableString(JsonElement element, string path, string name, string hint)
    {
        var field = Join(path, name);
        if (!element.TryGetProperty(name, out var value))
        {
            throw RequestProblemException.Missing(field, $"{field} is required; {hint}");
        }

        return StringOrNull(value, field);
    }

    /// <summary>Reads a member that must be present and a string.</summary>
    public static string RequiredString(JsonElement element, string path, string name)
    {
        var field = Join(path, name);
        if (!element.TryGetProperty(name, out var value))
        {
            throw RequestProblemException.Missing(field, $"{field} is required.");
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw RequestProblemException.WrongType(field, "a string", Describe(value));
    }

    /// <summary>Reads an optional member that is a string or null. Absent and null both return null.</summary>
    public static string? OptionalString(JsonElement element, string path, string name) =>
        element.TryGetProperty(name, out var value) ? StringOrNull(value, Join(path, name)) : null;

    /// <summary>Describes a JSON value's type for messages (<c>a number</c>, <c>null</c>, ...).</summary>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    /// <summary>Joins a member name onto a path: <c>repos[3]</c> and <c>owner</c> give <c>repos[3].owner</c>.</summary>
    public static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string? StringOrNull(JsonElement value, string field) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null => null,
        _ => throw RequestProblemException.WrongType(field, "a string or null", Describe(value)),
    };
}
