namespace RepoCache.Proxy.Contract;

/// <summary>Why a cache check is a miss. Every miss carries exactly one.</summary>
public static class MissReason
{
    /// <summary>No entry is stored for the repository.</summary>
    public const string Absent = "absent";

    /// <summary>The stored <c>pushedAt</c> is earlier than the feed's (or null while the feed's is not, or the reverse).</summary>
    public const string Stale = "stale";

    /// <summary>The stored entry records a failed run.</summary>
    public const string Failed = "failed";

    /// <summary>The entry was produced by a different processor fingerprint.</summary>
    public const string ProcessorChanged = "processor-changed";

    /// <summary>The stored value cannot be read as a cache entry.</summary>
    public const string Malformed = "malformed";

    /// <summary>Every reason, in a stable order for reports.</summary>
    public static IReadOnlyList<string> All { get; } = [Absent, Stale, Failed, ProcessorChanged, Malformed];
}
