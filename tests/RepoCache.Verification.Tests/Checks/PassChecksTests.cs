using System.Text.Json.Nodes;
using RepoCache.Verification.Checks;
using RepoCache.Verification.Host;
using RepoCache.Verification.Runners;

namespace RepoCache.Verification.Tests.Checks;

public sealed class PassChecksTests
{
    private static readonly FeedRepository[] Feed = [Repository("o", "one"), Repository("o", "two"), Repository("o", "three")];

    private static readonly PassExpectation PassTwo = new(
        2, new HashSet<string> { "o/three" }, "stale", new HashSet<string> { "o/three" }, 0.6);

    [Fact]
    public void Correct_pass_passes_every_check()
    {
        var checks = new CheckList();

        PassChecks.Evaluate(checks, Observation(hitOne: true, downloads: new() { ["o/three"] = 1 }), PassTwo);

        checks.Results.Where(check => !check.Passed).Select(check => check.ToConsoleLine()).ShouldBeEmpty();
        checks.Results.Select(check => check.Id).ShouldBe([
            "pass2.runner-exit-codes", "pass2.runner-summaries", "pass2.cache-check-lines", "pass2.coverage", "pass2.hits",
            "pass2.miss-set", "pass2.miss-reasons", "pass2.downloads", "pass2.hit-rate", "pass2.stats"]);
    }

    [Fact]
    public void Extra_miss_fails_hits_set_and_rate()
    {
        var checks = new CheckList();

        PassChecks.Evaluate(checks, Observation(hitOne: false, downloads: new() { ["o/one"] = 1, ["o/three"] = 1 }), PassTwo);

        var failed = checks.Results.Where(check => !check.Passed).ToDictionary(check => check.Id);
        failed.Keys.ShouldBe(["pass2.hits", "pass2.miss-set", "pass2.miss-reasons", "pass2.downloads", "pass2.hit-rate", "pass2.stats"], ignoreOrder: true);
        failed["pass2.miss-set"].Repositories.ShouldBe(["o/one (unexpected)"]);
        failed["pass2.miss-reasons"].Repositories.ShouldBe(["o/one (absent)"]);
        failed["pass2.downloads"].Repositories.ShouldBe(["o/one (downloaded 1 times, expected 0)"]);
        failed["pass2.stats"].Actual.ShouldStartWith("unavailable: ");
    }

    [Fact]
    public void Runner_without_summary_fails_exit_and_coverage()
    {
        var checks = new CheckList();
        var observation = Observation(hitOne: true, downloads: new() { ["o/three"] = 1 }) with
        {
            Runners = [new RunnerRun(1, 3, ["Error: the cache proxy could not be reached"], "runners/pass2-shard1.log", null, "no summary")],
        };

        PassChecks.Evaluate(checks, observation, PassTwo);

        var failed = checks.Results.Where(check => !check.Passed).Select(check => check.Id).ToList();
        failed.ShouldContain("pass2.runner-exit-codes");
        failed.ShouldContain("pass2.runner-summaries");
        failed.ShouldContain("pass2.cache-check-lines");
        failed.ShouldContain("pass2.coverage");
    }

    private static PassObservation Observation(bool hitOne, Dictionary<string, int> downloads)
    {
        var lines = new List<RunnerRepository>
        {
            Line("one", hitOne ? null : "absent"),
            Line("two", null),
            Line("three", "stale"),
        };
        var hits = lines.Count(line => line.IsHit);
        var totals = new RunnerTotals(3, 3, hits, 3 - hits, null, 3 - hits, 0, 3 - hits, 3 - hits, 0);
        var summary = new RunnerSummary(0, "checked", null, totals, lines);
        var output = new[] { $"Cache check: {hits}/3 hits ({hits * 100.0 / 3:0.0}%), {3 - hits} misses" };
        var stats = hitOne ? StatsFor(3, hits, 3 - hits) : null;

        return new PassObservation(2, "pass two", Feed, [new RunnerRun(1, 0, output, "runners/pass2-shard1.log", summary, null)],
            downloads, stats, hitOne ? null : "GET /cache/stats failed: connection refused", 1.0);
    }

    private static Proxy.Contract.CacheStatsResponse StatsFor(long checks, long hits, long writes)
    {
        var none = new Proxy.Contract.LatencySummary(0, 0, 0, 0, 0);
        var window = new Proxy.Contract.StatsWindow("2026-12-04T20:00:00Z", checks, hits, checks - hits, new Dictionary<string, long>(), 0, 0, writes, 0, 0, 0,
            new Proxy.Contract.LatencyReport(none, none, none));
        return new Proxy.Contract.CacheStatsResponse("embedded", 3, window, window);
    }

    private static RunnerRepository Line(string name, string? missReason) =>
        new("o", name, null, missReason is null ? "hit" : "processed", missReason, missReason is null ? null : 100, null, missReason is null ? "not-attempted" : "written");

    private static FeedRepository Repository(string owner, string name) =>
        new(0, owner, name, "2020-01-01T00:00:00Z", new JsonObject { ["owner"] = owner, ["name"] = name });
}
