using System.Text.Json;
using RepoCache.Proxy.Caching;

namespace RepoCache.Proxy.Validation;

/// <summary>
/// Reads the body of <c>PUT /cache/{owner}/{repo}</c>: <c>{pushedAt, status?, processor?, digest?, error?, processedAt?}</c>.
/// </summary>
internal static class WriteRequestParser
{
    private static readonly string[] Members = ["pushedAt", "status", "processor", "digest", "error", "processedAt"];

    private static readonly string[] DigestMembers = ["path", "bytes", "sha256"];

    /// <summary>Parses and checks the body; <c>processedAt</c> is accepted for the original client and ignored.</summary>
    public static ValidatedWrite Parse(ReadOnlyMemory<byte> body)
    {
        using var document = JsonBody.ParseObject(body, "the cache entry {\"pushedAt\": ..., \"status\": ...}");
        var root = document.RootElement;
        JsonBody.CheckMembers(root, "", Members);

        var pushedAtText = JsonBody.RequiredNullableString(root, "", "pushedAt",
            "send the feed's pushedAt, or null for a repository that was never pushed.");
        var pushedAt = FieldRules.PushedAtValue(pushedAtText, "pushedAt");
        var status = FieldRules.Status(JsonBody.OptionalString(root, "", "status"), "status");
        var processor = FieldRules.Processor(JsonBody.OptionalString(root, "", "processor"), "processor");
        var error = JsonBody.OptionalString(root, "", "error");

        // processedAt is the proxy's clock; only its JSON type is checked.
        JsonBody.OptionalString(root, "", "processedAt");

        var digest = root.TryGetProperty("digest", out var digestElement) ? ParseDigest(digestElement) : null;
        return new ValidatedWrite(pushedAt, status, processor, digest, error);
    }

    private static Contract.DigestInfo? ParseDigest(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw RequestProblemException.WrongType("digest", "an object {path, bytes, sha256} or null", JsonBody.Describe(element));
        }

        JsonBody.CheckMembers(element, "digest", DigestMembers);
        var path = JsonBody.RequiredString(element, "digest", "path");
        var sha256 = JsonBody.RequiredString(element, "digest", "sha256");

        if (!element.TryGetProperty("bytes", out var bytesElement))
        {
            throw RequestProblemException.Missing("digest.bytes", "digest.bytes is required.");
        }

        if (bytesElement.ValueKind != JsonValueKind.Number || !bytesElement.TryGetInt64(out var bytes))
        {
            throw RequestProblemException.WrongType("digest.bytes", "a whole number of bytes", JsonBody.Describe(bytesElement));
        }

        return FieldRules.Digest(path, bytes, sha256, "digest");
    }
}
