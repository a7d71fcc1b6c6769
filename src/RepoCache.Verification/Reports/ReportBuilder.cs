using RepoCache.Verification.Checks;
using RepoCache.Verification.GitHub;
using RepoCache.Verification.Host;

namespace RepoCache.Verification.Reports;

/// <summary>Turns a run's observations and checks into the report model.</summary>
public static class ReportBuilder
{
    /// <summary>Builds the report; the verdict passes only when every check passed and the run reached its end.</summary>
    public static VerificationReport Build(
        RunState run, VerificationOptions options, string proxyUrl, string runner, DateTimeOffset startedAt, DateTimeOffset finishedAt, string? error, VerificationLayout layout)
    {
        var settings = new ReportSettings(
            options.Count, options.Changed, options.Shards, options.Threshold, options.Repos, proxyUrl, options.ProxyUrl is not null, runner, options.OnCacheError);

        return new VerificationReport
        {
            Passed = error is null && run.Checks.Results.Count > 0 && run.Checks.AllPassed,
            StartedAt = startedAt,
            FinishedAt = finishedAt,
            Settings = settings,
            Checks = run.Checks.Results,
            Passes = run.Passes.Select(pass => PassReportOf(pass.Observation, layout)).ToList(),
            Repositories = RepositoriesOf(run),
            Error = error,
        };
    }

    private static PassReport PassReportOf(PassObservation pass, VerificationLayout layout)
    {
        var totals = pass.Totals;
        var reasons = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in pass.Reported.Where(line => !line.IsHit))
        {
            var reason = line.MissReason ?? "none";
            reasons[reason] = reasons.GetValueOrDefault(reason) + 1;
        }

        var runners = pass.Runners.Select(runner => new RunnerReport(
            runner.Shard,
            runner.ExitCode,
            runner.CacheCheck?.Text,
            Path.GetRelativePath(layout.Output, runner.LogPath).Replace('\\', '/'),
            runner.Summary?.Totals.Checked ?? 0,
            runner.Summary?.Totals.Hits ?? 0,
            runner.Summary?.Totals.Misses ?? 0,
            runner.Summary?.Totals.Downloads ?? 0,
            Figures(runner.Summary?.Latency?.Check),
            Figures(runner.Summary?.Latency?.Write))).ToList();

        var latency = pass.Stats?.SinceReset.LatencyMs;
        var check = latency is null ? LatencyFigures.None
            : latency.BatchCheck.Count > 0 ? Figures(latency.BatchCheck) : Figures(latency.Check);
        var write = latency is null ? LatencyFigures.None : Figures(latency.Write);

        return new PassReport(
            pass.Number, pass.Title, pass.Repositories.Count, totals.Hits, totals.Misses, reasons,
            pass.TarballRequests.Values.Sum(), pass.WallSeconds, check, write, runners);
    }

    private static LatencyFigures Figures(Runners.RunnerLatencySummary? summary) =>
        summary is null || summary.Count == 0 || summary.P50Ms is null
            ? LatencyFigures.None
            : new LatencyFigures(summary.Count, summary.P50Ms, summary.P95Ms, summary.P99Ms);

    private static LatencyFigures Figures(Proxy.Contract.LatencySummary summary) =>
        summary.Count == 0 ? LatencyFigures.None : new LatencyFigures(summary.Count, summary.P50, summary.P95, summary.P99);

    private static List<RepositoryReport> RepositoriesOf(RunState run)
    {
        var outcomes = run.Passes.Select(pass =>
        {
            var lines = pass.Observation.Reported
                .GroupBy(line => GitHubStandIn.Key(line.Owner!, line.Name!), StringComparer.Ordinal)
                .ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
            var feed = pass.Observation.Repositories.ToDictionary(r => GitHubStandIn.Key(r.Owner, r.Name), r => r.PushedAt, StringComparer.Ordinal);
            return (Lines: lines, Feed: feed, Downloads: pass.Observation.TarballRequests);
        }).ToList();

        return run.Repositories.Select(repository =>
        {
            var key = GitHubStandIn.Key(repository.Owner, repository.Name);
            var pushedAt = outcomes.Select(pass => pass.Feed.GetValueOrDefault(key)).ToList();
            var results = outcomes.Select(pass =>
            {
                var downloads = pass.Downloads.GetValueOrDefault(key);
                return pass.Lines.TryGetValue(key, out var line)
                    ? new RepositoryOutcome(line.IsHit ? "hit" : "miss", line.MissReason, downloads)
                    : RepositoryOutcome.NotReported(downloads);
            }).ToList();

            return new RepositoryReport(repository.FullName, run.ChangedKeys.Contains(key), pushedAt, results);
        }).ToList();
    }
}
