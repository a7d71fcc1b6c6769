using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using RepoCache.Kv.Semantics;

namespace RepoCache.Kv.Rest;

/// <summary>
/// Reads request bodies under the KV limits, so an oversized body gets the KV 413 envelope instead of Kestrel's bare 413.
/// </summary>
internal static class KvRestBodyReader
{
    private const int BufferSize = 81_920;

    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// Lifts Kestrel's own request size limit for this request, because the KV endpoints enforce theirs while reading.
    /// </summary>
    public static void DisableServerBodyLimit(HttpContext context)
    {
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = null;
        }
    }

    /// <summary>
    /// Reads <paramref name="body"/> to the end. When it contains more than <paramref name="maxBytes"/> bytes, reads on to count
    /// every byte and throws the exception <paramref name="tooLarge"/> builds from that exact count.
    /// </summary>
    public static async Task<byte[]> ReadAsync(Stream body, long maxBytes, Func<long, KvException> tooLarge, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[BufferSize];
        long total = 0;

        while (true)
        {
            var read = await body.ReadAsync(chunk, cancellationToken);
            if (read == 0)
            {
                break;
            }

            total += read;
            if (total <= maxBytes)
            {
                buffer.Write(chunk, 0, read);
            }
        }

        if (total > maxBytes)
        {
            throw tooLarge(total);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Reads and parses a JSON request body of at most <paramref name="maxBytes"/>, throwing a 400 envelope error
    /// that quotes the parser's position when the JSON is malformed.
    /// </summary>
    public static async Task<JsonDocument> ReadJsonAsync(HttpContext context, long maxBytes, CancellationToken cancellationToken)
    {
        DisableServerBodyLimit(context);

        var bytes = await ReadAsync(
            context.Request.Body,
            maxBytes,
            total => KvRestErrors.TooLarge($"Request body length of {total} bytes exceeds the limit of {maxBytes} bytes for this endpoint. Split the request into smaller batches."),
            cancellationToken);

        if (bytes.Length == 0)
        {
            throw KvRestErrors.Malformed("The request body is empty; this endpoint expects a JSON body.");
        }

        // Some clients, Windows PowerShell among them, start UTF-8 bodies with a byte order mark that JSON does not allow.
        var json = bytes.AsMemory();
        if (json.Span.StartsWith(Utf8ByteOrderMark))
        {
            json = json[Utf8ByteOrderMark.Length..];
        }

        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException error)
        {
            throw KvRestErrors.Malformed($"The request body is not valid JSON: {error.Message}");
        }
    }
}
