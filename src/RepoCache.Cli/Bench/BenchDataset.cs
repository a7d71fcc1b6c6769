using System.Text.Json;
using RepoCache.Proxy.Contract;
using RepoCache.Verification.Fixtures.Generator;

namespace RepoCache.Cli.Bench;

/// <summary>
/// The data every workload reads: a generated feed written to disk, and the KV keys and values derived from
/// its distinct repositories, the same for RepoCache and the Miniflare peer.
/// </summary>
internal sealed class BenchDataset
{
    private BenchDataset(string feedPath, GeneratedFeed feed, IReadOnlyList<SyntheticRepository> repositories, IReadOnlyList<KeyValuePair<string, byte[]>> entries)
    {
        FeedPath = feedPath;
        Feed = feed;
        Repositories = repositories;
        Entries = entries;
    }

    /// <summary>Path of the generated feed file.</summary>
    public string FeedPath { get; }

    /// <summary>The generated feed, duplicates included.</summary>
    public GeneratedFeed Feed { get; }

    /// <summary>The feed's distinct repositories, first spelling kept, in feed order.</summary>
    public IReadOnlyList<SyntheticRepository> Repositories { get; }

    /// <summary>KV keys <c>repo:{owner}/{name}</c> with a small JSON cache entry as value.</summary>
    public IReadOnlyList<KeyValuePair<string, byte[]>> Entries { get; }

    /// <summary>Generates the feed, writes it under <paramref name="workFolder"/> and derives the first <paramref name="keyCount"/> KV entries.</summary>
    public static async Task<BenchDataset> CreateAsync(string workFolder, int feedRows, int keyCount, CancellationToken cancellationToken)
    {
        var feed = FeedGenerator.Generate(new FeedGeneratorOptions { Rows = feedRows, Seed = 1 });
        var feedPath = Path.Combine(workFolder, $"feed-{feedRows}.json");
        await FeedWriter.WriteFileAsync(feed.Rows, feedPath, cancellationToken);

        var repositories = feed.Rows
            .DistinctBy(row => RepositoryName.CacheKey(row.Owner, row.Name))
            .ToList();
        if (repositories.Count < keyCount)
        {
            throw new InvalidOperationException($"The {feedRows:N0}-row feed has {repositories.Count:N0} distinct repositories, fewer than the {keyCount:N0} keys requested; raise --rows or lower --keys.");
        }

        var entries = repositories
            .Take(keyCount)
            .Select(repository => KeyValuePair.Create(RepositoryName.CacheKey(repository.Owner, repository.Name), CreateValue(repository)))
            .ToList();

        return new BenchDataset(feedPath, feed, repositories, entries);
    }

    /// <summary>Writes the entries as <c>key&lt;TAB&gt;value</c> lines, the input of the Miniflare script.</summary>
    public async Task WriteEntriesAsync(string path, int count, CancellationToken cancellationToken)
    {
        var lines = Entries.Take(count).Select(entry => $"{entry.Key}\t{System.Text.Encoding.UTF8.GetString(entry.Value)}");
        await File.WriteAllLinesAsync(path, lines, cancellationToken);
    }

    private static byte[] CreateValue(SyntheticRepository repository)
    {
        var entry = new CacheEntry(
            Owner: repository.Owner,
            Name: repository.Name,
            PushedAt: repository.PushedAt is { } pushedAt ? PushedAt.Format(pushedAt) : null,
            ProcessedAt: "2026-12-01T00:00:00Z",
            Status: CacheStatus.Complete,
            Processor: "bench",
            Digest: null,
            Error: null);
        return JsonSerializer.SerializeToUtf8Bytes(entry);
    }
}
