using System.Xml.Linq;
using RepoCache.Verification.Tests.Support;

namespace RepoCache.Verification.Tests.EndToEnd;

public sealed class VerifyCommandTests
{
    [Fact]
    public async Task Working_cache_passes_and_writes_reports()
    {
        using var run = await VerifyRun.StartAsync(VerifyRun.SmallRun);

        run.ExitCode.ShouldBe(0, run.Output);
        run.FailedChecks().ShouldBeEmpty();
        run.Output.ShouldContain("VerifyCaching PASSED");
        run.Output.ShouldContain("[pass 2 shard 1/2] Cache check:");
        run.Output.ShouldContain("[pass 2 shard 2/2] Cache check:");

        var html = File.ReadAllText(Path.Combine(run.OutputFolder, "report.html"));
        html.IndexOf("VerifyCaching PASSED", StringComparison.Ordinal).ShouldBeLessThan(html.IndexOf("<h2>Passes</h2>", StringComparison.Ordinal));
        html.ShouldNotContain("<script");
        html.ShouldNotContain("<link");
        html.ShouldNotContain(" src=");

        var junit = XDocument.Load(Path.Combine(run.OutputFolder, "junit.xml"));
        using var report = run.ReadReport();
        junit.Descendants("testcase").Count().ShouldBe(report.RootElement.GetProperty("checks").GetArrayLength());
        junit.Descendants("failure").ShouldBeEmpty();

        File.ReadAllText(Path.Combine(run.OutputFolder, "summary.md")).ShouldContain("VerifyCaching PASSED");
        Directory.GetFiles(Path.Combine(run.OutputFolder, "runners"), "*.log").Length.ShouldBe(6);
    }

    [Fact]
    public async Task Invalid_count_exits_2_naming_value()
    {
        using var run = await VerifyRun.StartAsync(["--count", "0"]);

        run.ExitCode.ShouldBe(2);
        run.Output.ShouldContain("--count 0 is invalid");
    }

    [Fact]
    public async Task Missing_feed_exits_2_naming_path()
    {
        using var run = await VerifyRun.StartAsync(["--repos", "/nonexistent/repos.json"]);

        run.ExitCode.ShouldBe(2);
        run.Output.ShouldContain("/nonexistent/repos.json");
    }
}
