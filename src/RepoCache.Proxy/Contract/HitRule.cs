namespace RepoCache.Proxy.Contract;

/// <summary>
/// Decides whether a stored entry lets a runner skip a repository.
/// </summary>
public static class HitRule
{
    /// <summary>
    /// Returns a hit only when the entry exists, is complete, has the request's processor, and its
    /// <c>pushedAt</c> is the same instant as the feed's or later (whole seconds). A null feed <c>pushedAt</c>
    /// hits only an entry whose <c>pushedAt</c> is null too. A request without a processor (the original
    /// Python client sends none) does not compare processors.
    /// </summary>
    public static CheckOutcome Evaluate(CacheEntry? entry, DateTimeOffset? feedPushedAt, string? processor)
    {
        if (entry is null)
        {
            return CheckOutcome.Miss(MissReason.Absent);
        }

        if (entry.Status == CacheStatus.Failed)
        {
            return CheckOutcome.Miss(MissReason.Failed);
        }

        if (entry.Status != CacheStatus.Complete)
        {
            return CheckOutcome.Miss(MissReason.Malformed);
        }

        if (processor is not null && !string.Equals(entry.Processor, processor, StringComparison.Ordinal))
        {
            return CheckOutcome.Miss(MissReason.ProcessorChanged);
        }

        if (entry.PushedAt is null)
        {
            return feedPushedAt is null ? CheckOutcome.Hit : CheckOutcome.Miss(MissReason.Stale);
        }

        if (!PushedAt.TryParse(entry.PushedAt, out var storedPushedAt))
        {
            return CheckOutcome.Miss(MissReason.Malformed);
        }

        if (feedPushedAt is null)
        {
            return CheckOutcome.Miss(MissReason.Stale);
        }

        return storedPushedAt.Value >= PushedAt.Truncate(feedPushedAt.Value)
            ? CheckOutcome.Hit
            : CheckOutcome.Miss(MissReason.Stale);
    }
}

/// <summary>A check's outcome: hit, or miss with a reason from <see cref="MissReason"/>.</summary>
public readonly record struct CheckOutcome(bool IsHit, string? Reason)
{
    /// <summary>The hit outcome.</summary>
    public static CheckOutcome Hit { get; } = new(true, null);

    /// <summary>A miss with <paramref name="reason"/>.</summary>
    public static CheckOutcome Miss(string reason) => new(false, reason);
}
