using System.Text.Json;
using RepoCache.Ingest.Run;
using RepoCache.Ingest.Tests.Support;

namespace RepoCache.Ingest.Tests;

/// <summary>The runner as a real process against a cache proxy stand-in that fails checks or writes.</summary>
public sealed class CacheFailureProcessTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly GitHubStandIn _gitHub = new();
    private readonly ProxyStandIn _proxy = new();

    public void Dispose()
    {
        _proxy.Dispose();
        _gitHub.Dispose();
        _temp.Dispose();
    }

    private string[] Arguments(string feed) =>
    [
        "--repos", feed, "--cache-url", _proxy.Url, "--out", _temp.Combine("out"), "--github-url", _gitHub.Url,
        "--summary", _temp.Combine("run.json"), "--retry-delay-ms", "10", "--max-retries", "2",
    ];

    [Fact]
    public async Task Proxy_answering_503_stops_the_run_with_3()
    {
        _proxy.CheckReturns(503);
        var feed = _temp.WriteFile("feed.json", """[{"owner": "acme", "name": "alpha", "pushedAt": null}]""");

        var run = await RunnerProcess.IngestAsync(Arguments(feed));

        run.ExitCode.ShouldBe(ExitCodes.CacheUnavailable, run.ToString());
        run.Stderr.ShouldContain("returned HTTP 503 for POST /cache/check");
        _proxy.Requests("POST", "/cache/check").ShouldBe(3);
        _gitHub.AllTarballRequests().ShouldBe(0);
    }

    [Fact]
    public async Task Failed_cache_writes_give_exit_code_3()
    {
        _proxy.CheckReturnsAbsent(("acme", "alpha"));
        _proxy.WritesReturn(500);
        _gitHub.AddRepository("acme", "alpha");
        var feed = _temp.WriteFile("feed.json", """[{"owner": "acme", "name": "alpha", "pushedAt": null}]""");

        var run = await RunnerProcess.IngestAsync(Arguments(feed));

        run.ExitCode.ShouldBe(ExitCodes.CacheUnavailable, run.ToString());
        run.Stdout.ShouldContain("1 processed, 0 failed, 1 downloads");
        run.Stdout.ShouldContain("0 cache writes, 1 write errors");
        _proxy.Requests("PUT", "/cache/acme/alpha").ShouldBe(3);
        using var summary = JsonDocument.Parse(File.ReadAllText(_temp.Combine("run.json")));
        summary.RootElement.GetProperty("totals").GetProperty("writeErrors").GetInt32().ShouldBe(1);
        var repository = summary.RootElement.GetProperty("repositories")[0];
        repository.GetProperty("cacheWrite").GetString().ShouldBe("failed");
        repository.GetProperty("error").GetString().ShouldNotBeNull().ShouldContain("HTTP 500");
    }

    [Fact]
    public async Task Check_answer_with_wrong_count_is_rejected()
    {
        _proxy.CheckReturnsAbsent(("acme", "alpha"));
        var feed = _temp.WriteFile("feed.json", """[{"owner": "acme", "name": "alpha", "pushedAt": null}, {"owner": "acme", "name": "beta", "pushedAt": null}]""");

        var run = await RunnerProcess.IngestAsync(Arguments(feed));

        run.ExitCode.ShouldBe(ExitCodes.CacheUnavailable, run.ToString());
        run.Stderr.ShouldContain("returned 1 results for a batch of 2");
    }

    [Fact]
    public async Task Check_answer_out_of_order_is_rejected()
    {
        _proxy.CheckReturnsAbsent(("acme", "beta"), ("acme", "alpha"));
        var feed = _temp.WriteFile("feed.json", """[{"owner": "acme", "name": "alpha", "pushedAt": null}, {"owner": "acme", "name": "beta", "pushedAt": null}]""");

        var run = await RunnerProcess.IngestAsync(Arguments(feed));

        run.ExitCode.ShouldBe(ExitCodes.CacheUnavailable, run.ToString());
        run.Stderr.ShouldContain("returned acme/beta at position 0 where acme/alpha was sent");
        _gitHub.AllTarballRequests().ShouldBe(0);
    }

    [Fact]
    public async Task Process_all_stops_writes_after_first_failure()
    {
        _proxy.CheckReturns(503);
        _proxy.WritesReturn(503);
        var rows = new[] { "alpha", "beta", "gamma" };
        foreach (var name in rows)
        {
            _gitHub.AddRepository("acme", name);
        }

        var feed = _temp.WriteFile("feed.json", "[" + string.Join(",", rows.Select(name => $$"""{"owner": "acme", "name": "{{name}}", "pushedAt": null}""")) + "]");

        var run = await RunnerProcess.IngestAsync([.. Arguments(feed), "--on-cache-error", "process-all", "--concurrency", "1"]);

        run.ExitCode.ShouldBe(ExitCodes.CacheUnavailable, run.ToString());
        run.Stdout.ShouldContain("3 processed, 0 failed, 3 downloads");
        run.Stdout.ShouldContain("0 cache writes, 3 write errors");
        _proxy.Requests("PUT", "/cache/").ShouldBe(3);
        _gitHub.AllTarballRequests().ShouldBe(3);
    }
}
