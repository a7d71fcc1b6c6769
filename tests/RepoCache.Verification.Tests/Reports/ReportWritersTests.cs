using System.Text.Json;
using RepoCache.Verification.Checks;
using RepoCache.Verification.Reports;

namespace RepoCache.Verification.Tests.Reports;

public sealed class ReportWritersTests
{
    [Fact]
    public void Html_shows_verdict_before_passes()
    {
        var html = HtmlReportWriter.ToHtml(Report(passed: false));

        var verdict = html.IndexOf("VerifyCaching FAILED", StringComparison.Ordinal);
        verdict.ShouldBeGreaterThan(0);
        verdict.ShouldBeLessThan(html.IndexOf("<h2>Passes</h2>", StringComparison.Ordinal));
        html.ShouldContain("class=\"verdict failed\"");
    }

    [Fact]
    public void Html_is_self_contained()
    {
        var html = HtmlReportWriter.ToHtml(Report(passed: true));

        html.ShouldNotContain("<script");
        html.ShouldNotContain("<link");
        html.ShouldNotContain(" src=");
        html.ShouldContain("<style>");
        html.ShouldContain("<svg");
    }

    [Fact]
    public void Html_escapes_repository_and_check_text()
    {
        var report = Report(passed: false) with
        {
            Checks = [new CheckResult("pass1.hits", 1, "Hits <b>", false, "1", "0 & more", ["owner/<name>"])],
        };

        var html = HtmlReportWriter.ToHtml(report);

        html.ShouldContain("Hits &lt;b&gt;");
        html.ShouldContain("0 &amp; more");
        html.ShouldContain("owner/&lt;name&gt;");
        html.ShouldNotContain("<name>");
    }

    [Fact]
    public void Html_draws_latency_targets()
    {
        var html = HtmlReportWriter.ToHtml(Report(passed: true));

        html.ShouldContain("target 100 ms");
        html.ShouldContain("target 200 ms");
        html.ShouldContain("threshold 90 %");
    }

    [Fact]
    public void JUnit_has_one_case_per_check()
    {
        var report = Report(passed: false);

        var xml = JUnitReportWriter.ToXml(report);

        xml.Descendants("testcase").Count().ShouldBe(report.Checks.Count);
        xml.Root!.Attribute("tests")!.Value.ShouldBe("3");
        xml.Root!.Attribute("failures")!.Value.ShouldBe("1");
        var failure = xml.Descendants("failure").Single();
        failure.Attribute("message")!.Value.ShouldBe("pass2.hits: expected 95, actual 0");
        failure.Value.ShouldContain("owner/changed");
        xml.Descendants("testsuite").Select(suite => suite.Attribute("name")!.Value).ShouldBe(["run", "pass 1", "pass 2"]);
    }

    [Fact]
    public void Markdown_lists_failed_checks()
    {
        var markdown = MarkdownSummaryWriter.ToMarkdown(Report(passed: false));

        markdown.ShouldStartWith("## ❌ VerifyCaching FAILED");
        markdown.ShouldContain("2 of 3 checks passed");
        markdown.ShouldContain("| `pass2.hits` The hits match. | 95 | 0 | owner/changed |");
        markdown.ShouldContain("| 2. second | 100 | 95 | 5 | 95.0 % | 5 | stale 5 |");
    }

    [Fact]
    public void Markdown_escapes_table_pipes()
    {
        var report = Report(passed: false) with
        {
            Checks = [new CheckResult("pass1.hits", 1, "a|b", false, "1", "2", [])],
        };

        MarkdownSummaryWriter.ToMarkdown(report).ShouldContain("a\\|b");
    }

    [Fact]
    public void Json_keeps_verdict_and_checks()
    {
        using var json = JsonDocument.Parse(JsonReportWriter.ToJson(Report(passed: true)));

        json.RootElement.GetProperty("verdict").GetString().ShouldBe("PASSED");
        json.RootElement.GetProperty("checks").GetArrayLength().ShouldBe(3);
        json.RootElement.GetProperty("passes")[1].GetProperty("missReasons").GetProperty("stale").GetInt32().ShouldBe(5);
        json.RootElement.GetProperty("passes")[1].GetProperty("hitRate").GetDouble().ShouldBe(0.95);
    }

    [Fact]
    public void Write_all_creates_four_files()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"reports-{Guid.NewGuid():N}");
        try
        {
            ReportFiles.WriteAll(Report(passed: true), folder);

            Directory.GetFiles(folder).Select(Path.GetFileName).Order().ShouldBe(["junit.xml", "report.html", "report.json", "summary.md"]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static VerificationReport Report(bool passed)
    {
        var started = new DateTimeOffset(2026, 12, 4, 20, 0, 0, TimeSpan.Zero);
        var latency = new LatencyFigures(10, 1.5, 20, 40);
        return new VerificationReport
        {
            Passed = passed,
            StartedAt = started,
            FinishedAt = started.AddSeconds(20),
            Settings = new ReportSettings(100, 5, 4, 0.9, "fixtures/repos.json", "http://127.0.0.1:1234/", false, "repocache", null),
            Checks =
            [
                new CheckResult("run.kv-entry-count", 0, "One entry each.", true, "100 entries", "100 entries", []),
                new CheckResult("pass1.hits", 1, "No hits.", true, "0", "0", []),
                new CheckResult("pass2.hits", 2, "The hits match.", passed, "95", passed ? "95" : "0", passed ? [] : ["owner/changed"]),
            ],
            Passes =
            [
                new PassReport(1, "first", 100, 0, 100, new Dictionary<string, int> { ["absent"] = 100 }, 100, 9.5, latency, latency, []),
                new PassReport(2, "second", 100, 95, 5, new Dictionary<string, int> { ["stale"] = 5 }, 5, 3.5, latency, LatencyFigures.None,
                    [new RunnerReport(1, 0, "Cache check: 95/100 hits (95.0%), 5 misses", "runners/pass2-shard1.log", 100, 95, 5, 5)]),
            ],
            Repositories = [new RepositoryReport("owner/changed", true, ["2020-01-01T00:00:00Z", "2020-01-02T00:00:00Z"],
                [new RepositoryOutcome("miss", "absent", 1), new RepositoryOutcome("miss", "stale", 1)])],
        };
    }
}
