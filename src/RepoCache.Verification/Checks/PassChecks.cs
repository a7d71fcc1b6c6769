using System.Globalization;
using RepoCache.Verification.GitHub;

namespace RepoCache.Verification.Checks;

/// <summary>
/// The counter, set and request-log checks of one pass. Each check compares the runners' summaries, their printed
/// lines, the stand-in's request log or the proxy's stats with what a working cache produces.
/// </summary>
public static class PassChecks
{
    /// <summary>Adds the pass's checks to <paramref name="checks"/>.</summary>
    public static void Evaluate(CheckList checks, PassObservation pass, PassExpectation expected)
    {
        var p = pass.Number;
        var names = pass.Repositories.ToDictionary(r => GitHubStandIn.Key(r.Owner, r.Name), r => r.FullName, StringComparer.Ordinal);
        string Display(string key) => names.GetValueOrDefault(key, key);

        CheckExitCodes(checks, pass);
        CheckSummaries(checks, pass);
        CheckCacheCheckLines(checks, pass);
        CheckCoverage(checks, pass, names, Display);

        var totals = pass.Totals;
        checks.Equal($"pass{p}.hits", p, "The runners' summaries count exactly the expected hits.", expected.Hits, totals.Hits,
            pass.Reported.Where(line => !line.IsHit).Select(line => $"{line.Owner}/{line.Name}"));

        var missed = pass.Reported.Where(line => !line.IsHit).Select(line => GitHubStandIn.Key(line.Owner!, line.Name!));
        checks.SameSet($"pass{p}.miss-set", p, "The repositories that missed are exactly the expected ones.",
            expected.Misses.Select(Display), missed.Select(Display));

        CheckMissReasons(checks, pass, expected);
        CheckDownloads(checks, pass, expected, Display);

        if (expected.MinHitRate is { } threshold)
        {
            var rate = totals.Hits + totals.Misses == 0 ? 0 : (double)totals.Hits / (totals.Hits + totals.Misses);
            checks.Add($"pass{p}.hit-rate", p, "The hit rate reaches the threshold.", rate >= threshold,
                $">= {threshold.ToString("0.00##", CultureInfo.InvariantCulture)}",
                rate.ToString("0.00##", CultureInfo.InvariantCulture));
        }

        CheckStats(checks, pass);
    }

    private static void CheckExitCodes(CheckList checks, PassObservation pass)
    {
        var failed = pass.Runners.Where(run => run.ExitCode != 0).ToList();
        var actual = failed.Count == 0
            ? $"0 for all {pass.Runners.Count} runners"
            : string.Join(", ", failed.Select(run => $"shard {run.Shard}: {run.ExitCode}{(run.Problem is null ? string.Empty : $" ({run.Problem})")}"));
        checks.Add($"pass{pass.Number}.runner-exit-codes", pass.Number, "Every runner process exits with code 0.", failed.Count == 0,
            $"0 for all {pass.Runners.Count} runners", actual);
    }

    private static void CheckSummaries(CheckList checks, PassObservation pass)
    {
        var missing = pass.Runners.Where(run => run.Summary is null).ToList();
        var actual = missing.Count == 0
            ? $"{pass.Runners.Count} summaries"
            : string.Join("; ", missing.Select(run => $"shard {run.Shard}: {run.Problem ?? "no summary"}"));
        checks.Add($"pass{pass.Number}.runner-summaries", pass.Number, "Every runner writes a readable --summary file.", missing.Count == 0,
            $"{pass.Runners.Count} summaries", actual);
    }

    private static void CheckCacheCheckLines(CheckList checks, PassObservation pass)
    {
        var problems = new List<string>();
        foreach (var run in pass.Runners)
        {
            if (run.CacheCheck is not { } line)
            {
                problems.Add($"shard {run.Shard}: no 'Cache check:' line");
                continue;
            }

            if (run.Summary is { } summary && (line.Hits != summary.Totals.Hits || line.Total != summary.Totals.Checked))
            {
                problems.Add($"shard {run.Shard}: printed {line.Hits}/{line.Total}, summary {summary.Totals.Hits}/{summary.Totals.Checked}");
            }
        }

        checks.Add($"pass{pass.Number}.cache-check-lines", pass.Number,
            "Every runner prints its 'Cache check: H/T hits (P%), M misses' line, matching its summary.", problems.Count == 0,
            $"{pass.Runners.Count} matching lines", problems.Count == 0 ? $"{pass.Runners.Count} matching lines" : string.Join("; ", problems));
    }

    private static void CheckCoverage(CheckList checks, PassObservation pass, Dictionary<string, string> names, Func<string, string> display)
    {
        var reported = pass.Reported
            .GroupBy(line => GitHubStandIn.Key(line.Owner!, line.Name!), StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);

        var offenders = names.Keys.Where(key => reported.GetValueOrDefault(key) != 1)
            .Select(key => $"{display(key)} (reported {reported.GetValueOrDefault(key)} times)")
            .Concat(reported.Keys.Where(key => !names.ContainsKey(key)).Select(key => $"{key} (not in the feed)"))
            .ToList();

        checks.Add($"pass{pass.Number}.coverage", pass.Number, "The shards together report every repository of the pass exactly once.",
            offenders.Count == 0, $"{names.Count} repositories, once each", $"{reported.Count} repositories, {reported.Values.Sum()} reports", offenders);
    }

    private static void CheckMissReasons(CheckList checks, PassObservation pass, PassExpectation expected)
    {
        var misses = pass.Reported.Where(line => !line.IsHit).ToList();
        var wrong = expected.MissReason is null
            ? misses
            : misses.Where(line => line.MissReason != expected.MissReason).ToList();

        var byReason = misses.GroupBy(line => line.MissReason ?? "none").OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => $"{group.Key} {group.Count()}");
        var actual = misses.Count == 0 ? "no misses" : string.Join(", ", byReason);
        var expectedText = expected.MissReason is null ? "no misses" : $"every miss '{expected.MissReason}'";

        checks.Add($"pass{pass.Number}.miss-reasons", pass.Number, "Every miss carries the expected reason.", wrong.Count == 0,
            expectedText, actual, wrong.Select(line => $"{line.Owner}/{line.Name} ({line.MissReason ?? "no reason"})"));
    }

    private static void CheckDownloads(CheckList checks, PassObservation pass, PassExpectation expected, Func<string, string> display)
    {
        var offenders = expected.Downloads.Where(key => pass.TarballRequests.GetValueOrDefault(key) != 1)
            .Select(key => $"{display(key)} (downloaded {pass.TarballRequests.GetValueOrDefault(key)} times, expected 1)")
            .Concat(pass.TarballRequests.Where(pair => !expected.Downloads.Contains(pair.Key))
                .Select(pair => $"{display(pair.Key)} (downloaded {pair.Value} times, expected 0)"))
            .ToList();

        var requests = pass.TarballRequests.Values.Sum();
        checks.Add($"pass{pass.Number}.downloads", pass.Number,
            "The GitHub stand-in's request log shows one tarball download per expected repository and none for the others.",
            offenders.Count == 0, $"{expected.Downloads.Count} requests for {expected.Downloads.Count} repositories",
            $"{requests} requests for {pass.TarballRequests.Count} repositories", offenders);
    }

    private static void CheckStats(CheckList checks, PassObservation pass)
    {
        var totals = pass.Totals;
        var expected = $"checks {totals.Checked}, hits {totals.Hits}, misses {totals.Misses}, writes {totals.CacheWrites}";
        if (pass.Stats is null)
        {
            checks.Add($"pass{pass.Number}.stats", pass.Number, "The proxy's /cache/stats for the pass equal the sums of the runners' summaries.",
                false, expected, $"unavailable: {pass.StatsProblem}");
            return;
        }

        var window = pass.Stats.SinceReset;
        var actual = $"checks {window.Checks}, hits {window.Hits}, misses {window.Misses}, writes {window.Writes}";
        checks.Add($"pass{pass.Number}.stats", pass.Number, "The proxy's /cache/stats for the pass equal the sums of the runners' summaries.",
            expected == actual, expected, actual);
    }
}
