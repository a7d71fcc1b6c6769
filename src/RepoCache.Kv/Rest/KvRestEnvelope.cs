using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RepoCache.Kv.Semantics;

namespace RepoCache.Kv.Rest;

/// <summary>
/// Writes the REST API v4 envelope <c>{success, errors, messages, result, result_info}</c>.
/// </summary>
internal static class KvRestEnvelope
{
    // Relaxed escaping keeps quotes and non-ASCII text readable in messages; the body is never embedded in HTML.
    private static readonly JsonSerializerOptions CompactJson = new()
    {
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes a successful envelope carrying <paramref name="result"/> and, when given, <paramref name="resultInfo"/>.</summary>
    public static Task WriteSuccessAsync(HttpContext context, JsonNode? result, JsonObject? resultInfo = null)
    {
        var envelope = new JsonObject
        {
            ["success"] = true,
            ["errors"] = new JsonArray(),
            ["messages"] = new JsonArray(),
            ["result"] = result,
        };

        if (resultInfo is not null)
        {
            envelope["result_info"] = resultInfo;
        }

        return WriteAsync(context, StatusCodes.Status200OK, envelope);
    }

    /// <summary>Writes a failed envelope whose single error carries the exception's code and message, with its HTTP status.</summary>
    public static Task WriteErrorAsync(HttpContext context, KvException error)
    {
        var envelope = new JsonObject
        {
            ["success"] = false,
            ["errors"] = new JsonArray(new JsonObject
            {
                ["code"] = error.ErrorCode,
                ["message"] = error.Message,
            }),
            ["messages"] = new JsonArray(),
            ["result"] = null,
        };

        return WriteAsync(context, error.StatusCode, envelope);
    }

    private static async Task WriteAsync(HttpContext context, int statusCode, JsonObject envelope)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, envelope, CompactJson, context.RequestAborted);
    }
}
