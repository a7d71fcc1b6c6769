using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace RepoCache.Proxy.Contract;

/// <summary>
/// Parses and formats a repository's <c>pushedAt</c> instant. The feed spells it with milliseconds
/// (<c>2015-02-19T22:33:33.000Z</c>) or without (<c>2015-02-19T22:33:33Z</c>); both denote the same instant,
/// and instants are compared at whole seconds, never as strings.
/// </summary>
public static class PushedAt
{
    /// <summary>The canonical stored form: UTC, whole seconds, <c>Z</c> suffix.</summary>
    public const string CanonicalFormat = "yyyy-MM-ddTHH:mm:ssZ";

    /// <summary>The millisecond spelling the feed used until March 2026.</summary>
    public const string MillisecondFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";

    // 'K' reads Z or an offset; HasOffset has already rejected text without one.
    private static readonly string[] ExactFormats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    /// <summary>
    /// Parses an RFC 3339 timestamp (<c>yyyy-MM-ddTHH:mm:ss</c>, optional fraction, then <c>Z</c> or an offset such as
    /// <c>+01:00</c>) into a UTC instant cut to whole seconds. Returns false for any other text, including
    /// a timestamp without an offset and culture-dependent forms such as <c>05/02/2019 04:42:37Z</c>.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out DateTimeOffset? instant)
    {
        instant = null;
        if (string.IsNullOrWhiteSpace(text) || !HasOffset(text))
        {
            return false;
        }

        // RFC 3339 allows a lower-case 't' and 'z'; the exact formats below expect upper case.
        var normalised = text.Trim().ToUpperInvariant();
        if (!DateTimeOffset.TryParseExact(normalised, ExactFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        instant = Truncate(parsed);
        return true;
    }

    /// <summary>Converts to UTC and drops everything below one second.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    /// <summary>Formats an instant in the canonical form <c>yyyy-MM-ddTHH:mm:ssZ</c>.</summary>
    public static string Format(DateTimeOffset instant) =>
        Truncate(instant).ToString(CanonicalFormat, CultureInfo.InvariantCulture);

    /// <summary>Formats an instant in the feed's millisecond spelling <c>yyyy-MM-ddTHH:mm:ss.000Z</c>.</summary>
    public static string FormatWithMilliseconds(DateTimeOffset instant) =>
        Truncate(instant).ToString(MillisecondFormat, CultureInfo.InvariantCulture);

    // A timestamp without an offset would be read as local time, which differs between machines.
    private static bool HasOffset(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.EndsWith('Z') || trimmed.EndsWith('z'))
        {
            return true;
        }

        var timeStart = trimmed.IndexOf('T', StringComparison.OrdinalIgnoreCase);
        if (timeStart < 0)
        {
            return false;
        }

        var time = trimmed.AsSpan(timeStart);
        return time.Contains('+') || time.Contains('-');
    }
}
