using System.Text.Json;
using RepoCache.Proxy.Contract;
using RepoCache.Verification.Fixtures.Generator;

namespace RepoCache.Cli.Bench;

/// <summary>Builds cache proxy request paths and bodies from feed rows, ahead of the timed phases.</summary>
internal static class ProxyRequests
{
    /// <summary>Returns the feed's <c>pushedAt</c> as spelled in the row, or null.</summary>
    public static string? FeedPushedAt(SyntheticRepository row) =>
        row.PushedAt is not { } instant ? null
        : row.WithMilliseconds ? PushedAt.FormatWithMilliseconds(instant)
        : PushedAt.Format(instant);

    /// <summary>Returns <c>cache/{owner}/{repo}</c> for a row, relative to the proxy's base address.</summary>
    public static string EntryPath(SyntheticRepository row) =>
        $"cache/{Uri.EscapeDataString(row.Owner)}/{Uri.EscapeDataString(row.Name)}";

    /// <summary>Returns the single-check path with <c>pushedAt</c> (or the literal <c>null</c>) and the processor.</summary>
    public static string CheckPath(SyntheticRepository row, string processor) =>
        $"{EntryPath(row)}?pushedAt={Uri.EscapeDataString(FeedPushedAt(row) ?? "null")}&processor={Uri.EscapeDataString(processor)}";

    /// <summary>Serialises the body of a complete-entry write for a row.</summary>
    public static byte[] WriteBody(SyntheticRepository row, string processor)
    {
        var digest = new DigestInfo($"{row.Owner}/{row.Name}.txt", 4_096, new string('0', 64));
        return JsonSerializer.SerializeToUtf8Bytes(new CacheWriteRequest(FeedPushedAt(row), CacheStatus.Complete, processor, digest));
    }

    /// <summary>Serialises batch-check bodies of at most <see cref="CacheLimits.MaxCheckItems"/> rows each.</summary>
    public static List<byte[]> CheckBodies(IReadOnlyList<SyntheticRepository> rows, string processor) =>
        rows.Chunk(CacheLimits.MaxCheckItems)
            .Select(chunk => JsonSerializer.SerializeToUtf8Bytes(new CheckRequest(
                processor,
                chunk.Select(row => new CheckItem(row.Owner, row.Name, FeedPushedAt(row))).ToList())))
            .ToList();
}
