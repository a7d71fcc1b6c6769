namespace RepoCache.Kv.Rest;

/// <summary>
/// Parses the raw request target of a REST API v4 KV request.
/// </summary>
/// <remarks>
/// Kestrel folds <c>.</c> and <c>..</c> segments and decodes most escapes before routing, so
/// <c>/values/..</c> would reach the namespace endpoint and <c>/values/%2E</c> would lose its key.
/// Parsing the raw target keeps every key byte as the client sent it.
/// </remarks>
internal static class KvRestPathParser
{
    /// <summary>Path prefix of every KV REST endpoint.</summary>
    public const string Prefix = "/client/v4/accounts/";

    private static readonly string[] AccountTail = ["storage", "kv", "namespaces"];

    /// <summary>
    /// Returns the parsed path, or null when <paramref name="rawTarget"/> is not a KV REST path.
    /// Throws a 400 <see cref="Semantics.KvException"/> when a segment has a malformed escape.
    /// </summary>
    public static KvRestPath? Parse(string rawTarget)
    {
        var path = StripQuery(StripAuthority(rawTarget));
        if (!path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        // Segments after "/client/v4/accounts/": account, storage, kv, namespaces, then the namespace tail.
        var segments = path[Prefix.Length..].Split('/');
        if (segments.Length < 1 + AccountTail.Length || segments[0].Length == 0)
        {
            return null;
        }

        for (var i = 0; i < AccountTail.Length; i++)
        {
            if (segments[i + 1] != AccountTail[i])
            {
                return null;
            }
        }

        var accountId = PercentDecoder.Decode(segments[0], "account id");
        var tail = segments[(1 + AccountTail.Length)..];
        return ParseNamespaceTail(accountId, tail);
    }

    private static KvRestPath? ParseNamespaceTail(string accountId, string[] tail)
    {
        if (tail.Length == 0 || (tail.Length == 1 && tail[0].Length == 0))
        {
            return new KvRestPath(accountId, KvRestResource.Namespaces, null, null);
        }

        if (tail[0].Length == 0)
        {
            return null;
        }

        var namespaceId = PercentDecoder.Decode(tail[0], "namespace id");

        // The key is everything after "values/" or "metadata/", raw slashes included: /values/a/b is the key "a/b".
        if (tail.Length >= 2 && tail[1] is "values" or "metadata")
        {
            var resource = tail[1] == "values" ? KvRestResource.Value : KvRestResource.Metadata;
            var rawKey = string.Join('/', tail[2..]);
            var key = PercentDecoder.Decode(rawKey, "key");
            return new KvRestPath(accountId, resource, namespaceId, key);
        }

        var rest = tail[1..];
        if (rest.Length > 0 && rest[^1].Length == 0)
        {
            rest = rest[..^1];
        }

        KvRestResource? matched = rest switch
        {
            [] => KvRestResource.Namespace,
            ["keys"] => KvRestResource.Keys,
            ["bulk"] => KvRestResource.Bulk,
            ["bulk", "delete"] => KvRestResource.BulkDelete,
            ["bulk", "get"] => KvRestResource.BulkGet,
            _ => null,
        };

        return matched is { } resourceMatch ? new KvRestPath(accountId, resourceMatch, namespaceId, null) : null;
    }

    private static string StripAuthority(string rawTarget)
    {
        // An absolute-form target (http://host:port/path) is legal in HTTP/1.1 requests.
        var schemeEnd = rawTarget.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0 || rawTarget.StartsWith('/'))
        {
            return rawTarget;
        }

        var pathStart = rawTarget.IndexOf('/', schemeEnd + 3);
        return pathStart < 0 ? "/" : rawTarget[pathStart..];
    }

    private static string StripQuery(string target)
    {
        var queryStart = target.IndexOfAny(['?', '#']);
        return queryStart < 0 ? target : target[..queryStart];
    }
}
