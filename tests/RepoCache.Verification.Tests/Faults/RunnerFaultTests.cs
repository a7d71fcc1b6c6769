using RepoCache.Verification.Tests.Support;

namespace RepoCache.Verification.Tests.Faults;

/// <summary>The verification must fail, naming the broken check, for a faulty runner and an unreachable threshold.</summary>
public sealed class RunnerFaultTests
{
    [Fact]
    public async Task Runner_downloading_on_hits_fails_downloads()
    {
        var environment = new Dictionary<string, string?> { ["REPOCACHE_REAL_RUNNER"] = BuiltPrograms.Cli };

        using var run = await VerifyRun.StartAsync([.. VerifyRun.SmallRun, "--runner", BuiltPrograms.FaultyRunner], environment);

        run.ExitCode.ShouldBe(1, run.Output);
        var failed = run.FailedChecks();
        failed.ShouldContain("pass2.downloads");
        failed.ShouldContain("pass3.downloads");
        failed.ShouldNotContain("pass1.downloads");
        failed.ShouldNotContain("pass2.hits");
        run.Output.ShouldContain("FAIL pass2.downloads");
    }

    [Fact]
    public async Task Threshold_above_achievable_rate_fails_hit_rate()
    {
        using var run = await VerifyRun.StartAsync(["--count", "10", "--changed", "2", "--shards", "2", "--threshold", "0.95"]);

        run.ExitCode.ShouldBe(1, run.Output);
        run.FailedChecks().ShouldBe(["pass2.hit-rate"]);
        run.Output.ShouldContain("FAIL pass2.hit-rate");
        run.Output.ShouldContain("expected >= 0.95, actual 0.80");
    }
}
