using System.Text.Json;

namespace RepoCache.Proxy.Backends.Cloudflare;

/// <summary>Reads the REST API v4 envelope <c>{success, errors: [{code, message}], result, result_info}</c>.</summary>
internal static class CloudflareEnvelope
{
    /// <summary>Error code of a key that does not exist.</summary>
    public const int KeyNotFoundCode = 10009;

    /// <summary>Returns the error codes and a message joined from every error, or empty values when the body is not an envelope.</summary>
    public static (IReadOnlyList<int> Codes, string Message) ReadErrors(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (!document.RootElement.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array)
            {
                return ([], "");
            }

            var codes = new List<int>();
            var messages = new List<string>();
            foreach (var error in errors.EnumerateArray())
            {
                if (error.TryGetProperty("code", out var code) && code.TryGetInt32(out var value))
                {
                    codes.Add(value);
                }

                if (error.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
                {
                    messages.Add(message.GetString()!);
                }
            }

            return (codes, string.Join("; ", messages));
        }
        catch (JsonException)
        {
            return ([], "");
        }
    }
}
