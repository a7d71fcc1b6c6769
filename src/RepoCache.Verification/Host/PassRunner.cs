using System.Diagnostics;
using Microsoft.Extensions.Logging;
using RepoCache.Verification.Checks;
using RepoCache.Verification.GitHub;
using RepoCache.Verification.Runners;

namespace RepoCache.Verification.Host;

/// <summary>Runs the three passes in order, changing upstream before pass 2, and checks each one.</summary>
internal sealed partial class PassRunner(
    VerificationOptions options,
    VerificationLayout layout,
    RunnerCommand runner,
    GitHubStandIn standIn,
    ProxyClient proxy,
    IEntryInspector inspector,
    RunState run,
    TextWriter console,
    ILoggerFactory loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<PassRunner>();

    /// <summary>Runs pass 1, the upstream change, pass 2 and pass 3, adding every check to the run.</summary>
    public async Task RunAllAsync(CancellationToken cancellationToken)
    {
        var count = run.Repositories.Count;
        var all = run.AllKeys;
        var none = new HashSet<string>(StringComparer.Ordinal);

        var pass1 = run.Repositories;
        await RunPassAsync(1, "empty cache: every repository is processed", pass1, new PassExpectation(0, all, "absent", all, null), cancellationToken);

        var pass2 = ChangeUpstream();
        var changed = run.ChangedKeys;
        await RunPassAsync(2, $"{changed.Count} repositories changed upstream", pass2,
            new PassExpectation(count - changed.Count, changed, "stale", changed, options.Threshold), cancellationToken);

        var pass3 = pass2.Select(r => r with { PushedAt = UpstreamChanges.OtherSpelling(r.PushedAt) }).ToList();
        await RunPassAsync(3, "every pushedAt in the other spelling", pass3, new PassExpectation(count, none, null, none, null), cancellationToken);
    }

    // Gives the chosen repositories a later pushedAt and new tarball content; returns the pass-2 feed.
    private List<FeedRepository> ChangeUpstream()
    {
        var positions = UpstreamChanges.ChangedPositions(run.Repositories.Count, options.Changed).ToHashSet();
        var feed = new List<FeedRepository>(run.Repositories.Count);
        for (var index = 0; index < run.Repositories.Count; index++)
        {
            var repository = run.Repositories[index];
            if (!positions.Contains(index))
            {
                feed.Add(repository);
                continue;
            }

            var changed = repository with { PushedAt = UpstreamChanges.LaterPushedAt(repository.PushedAt) };
            standIn.Publish(new UpstreamRepository(changed.Owner, changed.Name, changed.Instant));
            run.ChangedKeys.Add(GitHubStandIn.Key(changed.Owner, changed.Name));
            feed.Add(changed);
            LogChanged(_logger, changed.FullName, repository.PushedAt ?? "null", changed.PushedAt!);
        }

        return feed;
    }

    private async Task RunPassAsync(int number, string title, IReadOnlyList<FeedRepository> feed, PassExpectation expected, CancellationToken cancellationToken)
    {
        console.WriteLine($"Pass {number}: {title} ({feed.Count} repositories, {options.Shards} runner processes)");
        var feedPath = layout.PassFeed(number);
        PassFeedWriter.Write(feedPath, feed);

        var resetProblem = await proxy.ResetStatsAsync(cancellationToken);
        if (resetProblem is not null)
        {
            LogResetFailed(_logger, number, resetProblem);
        }

        standIn.ClearRequestLog();
        var stopwatch = Stopwatch.StartNew();

        var launcher = new RunnerLauncher(runner, loggerFactory.CreateLogger<RunnerLauncher>());
        launcher.CacheCheckPrinted += (pass, shard, line) => console.WriteLine($"  [pass {pass} shard {shard}/{options.Shards}] {line.Trim()}");
        var settings = new RunnerPassSettings(
            number, feedPath, new Uri(proxy.BaseAddressText), standIn.BaseAddress, layout.Digests, options.Shards,
            layout.Runners, layout.Runners, options.OnCacheError, options.RunnerTimeout, options.RunnerArguments);
        var runners = await launcher.RunPassAsync(settings, cancellationToken);
        stopwatch.Stop();

        var (stats, statsProblem) = await proxy.GetStatsAsync(cancellationToken);
        var observation = new PassObservation(
            number, title, feed, runners, standIn.CountTarballRequests(), stats, statsProblem, stopwatch.Elapsed.TotalSeconds);
        run.Passes.Add(new PassRecord(observation, expected));

        PassChecks.Evaluate(run.Checks, observation, expected);
        await ContentChecks.CheckEntriesAsync(run.Checks, number, feed, inspector, cancellationToken);
        if (expected.Downloads.Count > 0)
        {
            var processed = feed.Where(r => expected.Downloads.Contains(GitHubStandIn.Key(r.Owner, r.Name))).ToList();
            await ContentChecks.CheckDigestsAsync(run.Checks, number, processed, standIn, inspector, cancellationToken);
        }

        if (number == 3)
        {
            await CheckSpellingDirectlyAsync(feed, cancellationToken);
        }

        foreach (var check in run.Checks.Results.Where(check => check.Pass == number))
        {
            console.WriteLine($"  {check.ToConsoleLine()}");
        }
    }

    // The runner sends pushedAt in canonical form whatever the feed's spelling, so its checks alone cannot show
    // whether the proxy compares instants. The host sends the feed's own text to the proxy itself.
    private async Task CheckSpellingDirectlyAsync(IReadOnlyList<FeedRepository> feed, CancellationToken cancellationToken)
    {
        var (results, problem) = await proxy.CheckAsync(feed, cancellationToken);
        if (results is null)
        {
            run.Checks.Add("pass3.proxy-spelling", 3, "Asked directly with each pushedAt in the feed's own spelling, the proxy reports every repository as a hit.",
                false, $"{feed.Count} hits", $"unavailable: {problem}");
            return;
        }

        var hits = results.Count(result => result.Hit);
        run.HostChecks = (run.HostChecks.Checks + results.Count, run.HostChecks.Hits + hits);
        var misses = feed.Zip(results).Where(pair => !pair.Second.Hit)
            .Select(pair => $"{pair.First.FullName} (pushedAt '{pair.First.PushedAt ?? "null"}', {pair.Second.Reason ?? "no reason"})");
        run.Checks.Add("pass3.proxy-spelling", 3, "Asked directly with each pushedAt in the feed's own spelling, the proxy reports every repository as a hit.",
            hits == feed.Count, $"{feed.Count} hits", $"{hits} hits", misses);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Changed {Repository} upstream: pushedAt {Before} -> {After}")]
    private static partial void LogChanged(ILogger logger, string repository, string before, string after);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pass {Pass}: resetting the proxy's stats failed: {Problem}")]
    private static partial void LogResetFailed(ILogger logger, int pass, string problem);
}
