using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using RepoCache.Kv.Semantics;

namespace RepoCache.Kv.Rest.Endpoints;

/// <summary>
/// Reads the body of a value write: either the raw value, or <c>multipart/form-data</c> with a required
/// <c>value</c> field and an optional <c>metadata</c> field holding JSON text.
/// </summary>
internal static class ValueBodyReader
{
    private const string ValueField = "value";
    private const string MetadataField = "metadata";

    // The metadata field is read up to this length; the KV core then compacts it and enforces its 1024-byte limit.
    private const int MaxMetadataFieldBytes = 64 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads the value and metadata, throwing 400 for a malformed body and 413 for a value over 25 MiB.</summary>
    public static async Task<ValueBody> ReadAsync(HttpContext http, CancellationToken cancellationToken)
    {
        KvRestBodyReader.DisableServerBodyLimit(http);

        var contentType = http.Request.ContentType;
        if (contentType is not null
            && MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            && mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return await ReadMultipartAsync(http.Request.Body, mediaType, cancellationToken);
            }
            catch (IOException error) when (!cancellationToken.IsCancellationRequested)
            {
                // MultipartReader reports a truncated body or a missing boundary as an IOException.
                throw KvRestErrors.Malformed($"The multipart/form-data body is malformed: {error.Message}");
            }
            catch (InvalidDataException error)
            {
                throw KvRestErrors.Malformed($"The multipart/form-data body is malformed: {error.Message}");
            }
        }

        var value = await ReadValueAsync(http.Request.Body, cancellationToken);
        return new ValueBody(value, null);
    }

    private static async Task<ValueBody> ReadMultipartAsync(Stream body, MediaTypeHeaderValue mediaType, CancellationToken cancellationToken)
    {
        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            throw KvRestErrors.Malformed("The multipart/form-data Content-Type has no boundary parameter; send the boundary the body uses.");
        }

        // The value field enforces its own 25 MiB limit and counts the rest, so lift the reader's 128 MB section cap.
        var reader = new MultipartReader(boundary, body) { BodyLengthLimit = null };
        byte[]? value = null;
        string? metadataJson = null;
        var sawMetadata = false;

        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            var name = FieldName(section);
            switch (name)
            {
                case ValueField when value is null:
                    value = await ReadValueAsync(section.Body, cancellationToken);
                    break;
                case MetadataField when !sawMetadata:
                    sawMetadata = true;
                    metadataJson = await ReadMetadataAsync(section.Body, cancellationToken);
                    break;
                case ValueField or MetadataField:
                    throw KvRestErrors.Malformed($"The multipart body has more than one '{name}' field; send each field once.");
                default:
                    throw KvRestErrors.Malformed($"The multipart body has an unknown field '{name}'; only 'value' and 'metadata' are accepted.");
            }
        }

        if (value is null)
        {
            throw KvRestErrors.Malformed("The multipart body has no 'value' field; add a 'value' field holding the value to store.");
        }

        return new ValueBody(value, metadataJson);
    }

    private static string FieldName(MultipartSection section)
    {
        if (section.ContentDisposition is { } disposition
            && ContentDispositionHeaderValue.TryParse(disposition, out var header)
            && header.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
        {
            var name = HeaderUtilities.RemoveQuotes(header.Name).Value;
            if (!string.IsNullOrEmpty(name))
            {
                return name;
            }
        }

        throw KvRestErrors.Malformed("A multipart section has no 'Content-Disposition: form-data; name=\"...\"' header; name each field 'value' or 'metadata'.");
    }

    private static Task<byte[]> ReadValueAsync(Stream body, CancellationToken cancellationToken) =>
        KvRestBodyReader.ReadAsync(
            body,
            KvLimits.MaxValueBytes,
            total => new KvException(413, KvErrorCodes.ValueTooLarge, $"Value length of {total} exceeds limit of {KvLimits.MaxValueBytes}."),
            cancellationToken);

    private static async Task<string> ReadMetadataAsync(Stream body, CancellationToken cancellationToken)
    {
        var bytes = await KvRestBodyReader.ReadAsync(
            body,
            MaxMetadataFieldBytes,
            total => new KvException(413, KvErrorCodes.InvalidMetadata, $"Metadata length of {total} exceeds limit of {KvLimits.MaxMetadataBytes}."),
            cancellationToken);

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new KvException(400, KvErrorCodes.InvalidMetadata, "The 'metadata' field is not valid UTF-8 text; send metadata as JSON text.");
        }
    }
}
