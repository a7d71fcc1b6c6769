using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using RepoCache.Kv.Semantics;

namespace RepoCache.Kv.Rest;

/// <summary>
/// Reads typed query parameters, rejecting values that are not integers with the message production gives.
/// </summary>
internal static class KvRestQuery
{
    /// <summary>Query parameter of a value write: time to live in seconds.</summary>
    public const string ExpirationTtl = "expiration_ttl";

    /// <summary>Query parameter of a value write: absolute expiry in seconds since the UNIX epoch.</summary>
    public const string Expiration = "expiration";

    /// <summary>
    /// Reads <c>expiration_ttl</c> and <c>expiration</c>. The TTL wins when both are present, so <c>expiration</c> is
    /// then not even parsed, as in production. The KV core checks the ranges.
    /// </summary>
    public static (long? Expiration, long? ExpirationTtl) ReadExpiration(IQueryCollection query)
    {
        if (TryGetSingle(query, ExpirationTtl, out var rawTtl))
        {
            return (null, ParseExpirationTtl(rawTtl));
        }

        if (TryGetSingle(query, Expiration, out var rawExpiration))
        {
            return (ParseExpiration(rawExpiration), null);
        }

        return (null, null);
    }

    /// <summary>Parses an <c>expiration_ttl</c> value, which must be a whole number of seconds.</summary>
    public static long ParseExpirationTtl(string raw) =>
        TryParseInteger(raw, out var seconds)
            ? seconds
            : throw new KvException(400, KvErrorCodes.InvalidExpiration, $"Invalid expiration_ttl of {raw}. Please specify integer greater than 0.");

    /// <summary>Parses an <c>expiration</c> value, which must be a whole number of seconds since the UNIX epoch.</summary>
    public static long ParseExpiration(string raw) =>
        TryParseInteger(raw, out var epochSeconds)
            ? epochSeconds
            : throw new KvException(400, KvErrorCodes.InvalidExpiration, $"Invalid expiration of {raw}. Please specify integer greater than the current number of seconds since the UNIX epoch.");

    /// <summary>
    /// Reads an optional integer parameter in <paramref name="minimum"/>..<paramref name="maximum"/>, or returns
    /// <paramref name="fallback"/> when it is absent.
    /// </summary>
    public static int ReadInt(IQueryCollection query, string name, int fallback, int minimum, int maximum, int errorCode)
    {
        if (!TryGetSingle(query, name, out var raw))
        {
            return fallback;
        }

        if (!TryParseInteger(raw, out var value) || value < minimum || value > maximum)
        {
            throw new KvException(400, errorCode, $"Invalid {name} of {raw}. Please specify an integer from {minimum} to {maximum}.");
        }

        return (int)value;
    }

    /// <summary>Reads an optional parameter that must be one of <paramref name="allowed"/>, or returns null when it is absent.</summary>
    public static string? ReadChoice(IQueryCollection query, string name, params string[] allowed)
    {
        if (!TryGetSingle(query, name, out var raw))
        {
            return null;
        }

        if (!allowed.Contains(raw, StringComparer.Ordinal))
        {
            throw KvRestErrors.Malformed($"Invalid {name} of '{raw}'. Use one of: {string.Join(", ", allowed)}.");
        }

        return raw;
    }

    /// <summary>Reads an optional text parameter; an empty value counts as absent.</summary>
    public static string? ReadText(IQueryCollection query, string name) =>
        TryGetSingle(query, name, out var raw) && raw.Length > 0 ? raw : null;

    private static bool TryGetSingle(IQueryCollection query, string name, out string value)
    {
        if (!query.TryGetValue(name, out StringValues values))
        {
            value = "";
            return false;
        }

        if (values.Count > 1)
        {
            throw KvRestErrors.Malformed($"The query parameter {name} is given {values.Count} times; give it at most once.");
        }

        value = values.ToString();
        return true;
    }

    private static bool TryParseInteger(string raw, out long value) =>
        long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
}
