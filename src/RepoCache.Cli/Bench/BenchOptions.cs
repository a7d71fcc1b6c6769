using RepoCache.Verification.Fixtures.Generator;

namespace RepoCache.Cli.Bench;

/// <summary>Settings of one <c>repocache bench</c> run.</summary>
internal sealed record BenchOptions
{
    /// <summary>Every workload id, in run order; <c>miniflare</c> is the peer.</summary>
    public static readonly string[] WorkloadIds = ["kv", "kv-rest", "proxy", "runner", "miniflare"];

    /// <summary>Folder that receives <c>report.json</c> and <c>report.html</c>.</summary>
    public required string OutputFolder { get; init; }

    /// <summary>Repository root, where <c>bench/miniflare</c> and <c>tools/miniflare</c> live.</summary>
    public required string RepositoryRoot { get; init; }

    /// <summary>Rows of the generated feed used by the proxy and runner workloads.</summary>
    public int FeedRows { get; init; } = 25_000;

    /// <summary>Keys written, read and listed by the KV workloads.</summary>
    public int Keys { get; init; } = 20_000;

    /// <summary>Callers of the concurrent KV and single-check phases.</summary>
    public int Concurrency { get; init; } = 16;

    /// <summary>Clients of the proxy write phase.</summary>
    public int Writers { get; init; } = 40;

    /// <summary>Keys or checks run before each timed workload and left out of the figures.</summary>
    public int WarmupKeys { get; init; } = 1_000;

    /// <summary>Single <c>GET /cache/...</c> checks per phase.</summary>
    public int SingleChecks { get; init; } = 10_000;

    /// <summary>Timed batch checks of the whole feed.</summary>
    public int BatchRepeats { get; init; } = 5;

    /// <summary>Runner processes of the end-to-end pass.</summary>
    public int Shards { get; init; } = 4;

    /// <summary>Generated archives digested by the pass 1 digest phase.</summary>
    public int Archives { get; init; } = 200;

    /// <summary>Keys of the Miniflare run; smaller than <see cref="Keys"/> because Miniflare manages a few hundred operations per second.</summary>
    public int PeerKeys { get; init; } = 2_000;

    /// <summary>Workload ids to run; empty runs all.</summary>
    public IReadOnlySet<string> Only { get; init; } = new HashSet<string>();

    /// <summary>Returns true when the workload with <paramref name="id"/> should run.</summary>
    public bool Includes(string id) => Only.Count == 0 || Only.Contains(id);

    /// <summary>Describes the first setting outside its range, or returns null when every setting is valid.</summary>
    public string? FindProblem()
    {
        var unknown = Only.FirstOrDefault(id => !WorkloadIds.Contains(id));
        if (unknown is not null)
        {
            return $"--only names '{unknown}', which is not a workload; use one or more of {string.Join(", ", WorkloadIds)}.";
        }

        var distinctRepositories = FeedRows - (int)Math.Round(FeedRows * new FeedGeneratorOptions().DuplicateRate);
        if (Keys > distinctRepositories && FeedRows is >= 100 and <= 250_000)
        {
            return $"--keys is {Keys:N0}, more than the {distinctRepositories:N0} distinct repositories of a {FeedRows:N0}-row feed; raise --rows or lower --keys.";
        }

        if (PeerKeys > Keys)
        {
            return $"--peer-keys is {PeerKeys:N0}, more than --keys ({Keys:N0}); Miniflare uses the first keys of the RepoCache set, so lower --peer-keys or raise --keys.";
        }

        return Range(FeedRows, 100, 250_000, "--rows")
            ?? Range(Keys, 100, 1_000_000, "--keys")
            ?? Range(Concurrency, 1, 256, "--concurrency")
            ?? Range(Writers, 1, 256, "--writers")
            ?? Range(WarmupKeys, 0, 100_000, "--warmup")
            ?? Range(SingleChecks, 1, 1_000_000, "--checks")
            ?? Range(BatchRepeats, 1, 100, "--batch-repeats")
            ?? Range(Shards, 1, 64, "--shards")
            ?? Range(Archives, 1, 10_000, "--archives")
            ?? Range(PeerKeys, 100, 1_000_000, "--peer-keys");
    }

    private static string? Range(int value, int min, int max, string option) =>
        value < min || value > max ? $"{option} is {value}; it must be between {min:N0} and {max:N0}." : null;
}
