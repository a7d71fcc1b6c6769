using RepoCache.Proxy.Contract;

namespace RepoCache.Verification.Host;

/// <summary>The deterministic edits between passes: which repositories change upstream, and how each pass spells <c>pushedAt</c>.</summary>
public static class UpstreamChanges
{
    /// <summary>How far a changed repository's <c>pushedAt</c> moves forward.</summary>
    public static readonly TimeSpan PushDelay = TimeSpan.FromDays(1);

    /// <summary>The <c>pushedAt</c> a repository that was never pushed gets when it changes.</summary>
    public static readonly DateTimeOffset FirstPush = new(2022, 9, 2, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Positions of the changed repositories, spread evenly over the run: <c>i * count / changed</c>.</summary>
    public static IReadOnlyList<int> ChangedPositions(int count, int changed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(changed);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(changed, count);

        return Enumerable.Range(0, changed).Select(i => (int)((long)i * count / changed)).ToList();
    }

    /// <summary>Moves <paramref name="pushedAt"/> one day later, keeping its spelling; null becomes <see cref="FirstPush"/>.</summary>
    public static string LaterPushedAt(string? pushedAt)
    {
        if (pushedAt is null || !PushedAt.TryParse(pushedAt, out var instant))
        {
            return PushedAt.Format(FirstPush);
        }

        var later = instant.Value + PushDelay;
        return HasFraction(pushedAt) ? PushedAt.FormatWithMilliseconds(later) : PushedAt.Format(later);
    }

    /// <summary>
    /// Spells the same instant the other way: <c>2021-03-04T05:06:07.000Z</c> becomes <c>2021-03-04T05:06:07Z</c>
    /// and the reverse; null stays null.
    /// </summary>
    public static string? OtherSpelling(string? pushedAt)
    {
        if (pushedAt is null || !PushedAt.TryParse(pushedAt, out var instant))
        {
            return pushedAt;
        }

        return HasFraction(pushedAt) ? PushedAt.Format(instant.Value) : PushedAt.FormatWithMilliseconds(instant.Value);
    }

    private static bool HasFraction(string pushedAt) => pushedAt.Contains('.', StringComparison.Ordinal);
}
