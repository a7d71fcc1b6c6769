using RepoCache.Proxy.Contract;
using RepoCache.Verification.Host;
using RepoCache.Verification.Runners;

namespace RepoCache.Verification.Checks;

/// <summary>Everything observed during one pass, before any check is made.</summary>
/// <param name="Number">Pass number, 1-3.</param>
/// <param name="Title">What the pass does, for reports.</param>
/// <param name="Repositories">The pass's feed, in order.</param>
/// <param name="Runners">The runner processes, in shard order.</param>
/// <param name="TarballRequests">Tarball requests in the stand-in's log during the pass, per lower-cased <c>owner/name</c>.</param>
/// <param name="Stats">The proxy's stats read after the pass, or null.</param>
/// <param name="StatsProblem">Why the stats could not be read, or null.</param>
/// <param name="WallSeconds">Elapsed time of the pass, informational only.</param>
public sealed record PassObservation(
    int Number,
    string Title,
    IReadOnlyList<FeedRepository> Repositories,
    IReadOnlyList<RunnerRun> Runners,
    IReadOnlyDictionary<string, int> TarballRequests,
    CacheStatsResponse? Stats,
    string? StatsProblem,
    double WallSeconds)
{
    /// <summary>Every repository line of every runner summary, invalid rows left out.</summary>
    public IEnumerable<RunnerRepository> Reported => Runners
        .Where(run => run.Summary is not null)
        .SelectMany(run => run.Summary!.Repositories)
        .Where(line => line.Owner is not null && line.Name is not null && line.Outcome != "skipped-invalid");

    /// <summary>Runner totals added over every shard that wrote a summary.</summary>
    public (int Checked, int Hits, int Misses, int Downloads, int CacheWrites) Totals
    {
        get
        {
            var totals = Runners.Where(run => run.Summary is not null).Select(run => run.Summary!.Totals).ToList();
            return (totals.Sum(t => t.Checked), totals.Sum(t => t.Hits), totals.Sum(t => t.Misses), totals.Sum(t => t.Downloads), totals.Sum(t => t.CacheWrites));
        }
    }
}
