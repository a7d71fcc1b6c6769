using System.Globalization;
using System.Net;

namespace RepoCache.Ingest.Http;

/// <summary>Reads how long a server asked the client to wait before retrying.</summary>
public static class RetryAfter
{
    /// <summary>
    /// Returns the wait from <c>Retry-After</c> (seconds or an HTTP date), or, for GitHub's rate limit
    /// (<c>x-ratelimit-remaining: 0</c>), until <c>x-ratelimit-reset</c>; null when the response names no wait.
    /// </summary>
    public static TimeSpan? From(HttpResponseMessage response, DateTimeOffset now)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            return date > now ? date - now : TimeSpan.Zero;
        }

        if (IsRateLimitExhausted(response) && TryGetHeader(response, "x-ratelimit-reset", out var resetText)
            && long.TryParse(resetText, NumberStyles.None, CultureInfo.InvariantCulture, out var resetSeconds))
        {
            var reset = DateTimeOffset.FromUnixTimeSeconds(resetSeconds);
            return reset > now ? reset - now : TimeSpan.Zero;
        }

        return null;
    }

    /// <summary>Returns whether the response is GitHub's rate-limit response: <c>x-ratelimit-remaining: 0</c> on a 403 or 429.</summary>
    public static bool IsRateLimitExhausted(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests
        && TryGetHeader(response, "x-ratelimit-remaining", out var remaining)
        && remaining == "0";

    private static bool TryGetHeader(HttpResponseMessage response, string name, out string value)
    {
        value = response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() ?? "" : "";
        return value.Length > 0;
    }
}
