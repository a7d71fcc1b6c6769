using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using RepoCache.Proxy.Contract;

namespace RepoCache.Verification.Fixture;

/// <summary>
/// The deterministic rule that fills the <c>pushedAt</c> values missing from the feed sample, so the fixture
/// exercises both spellings of the real feed and the null case.
/// </summary>
public static class PushedAtFillRule
{
    /// <summary>Rows whose index modulo this value equals <see cref="NullRemainder"/> keep a null <c>pushedAt</c>.</summary>
    public const int NullEvery = 40;

    /// <summary>The remainder that marks a row that stays null (rows 39, 79, 119, ...).</summary>
    public const int NullRemainder = 39;

    /// <summary>The earliest instant the rule assigns.</summary>
    public static readonly DateTimeOffset EarliestInstant = new(2015, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The instant the rule never reaches: the day before the sample's newest rows were scraped.</summary>
    public static readonly DateTimeOffset EndInstant = new(2022, 9, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Returns the value the fixture stores for a row: the feed's own value when it has one, null for every
    /// fortieth row, otherwise an instant derived from the row's lower-cased <c>owner/name</c>, spelled with
    /// milliseconds on even rows and without them on odd rows.
    /// </summary>
    public static string? Fill(int rowIndex, string owner, string name, string? feedValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowIndex);

        if (feedValue is not null)
        {
            return feedValue;
        }

        if (rowIndex % NullEvery == NullRemainder)
        {
            return null;
        }

        var instant = InstantFor(owner, name);
        return rowIndex % 2 == 0 ? PushedAt.FormatWithMilliseconds(instant) : PushedAt.Format(instant);
    }

    /// <summary>
    /// Derives a whole-second instant in [<see cref="EarliestInstant"/>, <see cref="EndInstant"/>) from the
    /// first eight bytes (big-endian) of the SHA-256 of the lower-cased <c>owner/name</c>.
    /// </summary>
    public static DateTimeOffset InstantFor(string owner, string name)
    {
        var identity = $"{owner.ToLowerInvariant()}/{name.ToLowerInvariant()}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(identity));

        var spanSeconds = (ulong)(EndInstant - EarliestInstant).TotalSeconds;
        var offsetSeconds = BinaryPrimitives.ReadUInt64BigEndian(hash) % spanSeconds;
        return EarliestInstant.AddSeconds(offsetSeconds);
    }
}
