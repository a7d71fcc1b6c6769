using System.Text.Json;
using RepoCache.Ingest.Run;
using RepoCache.Ingest.Tests.Support;
using RepoCache.Proxy.Contract;

namespace RepoCache.Ingest.Tests;

/// <summary>The whole runner as a real process, against a real cache proxy and a WireMock.Net GitHub stand-in.</summary>
public sealed class IngestProcessTests : IAsyncLifetime
{
    private readonly TempFolder _temp = new();
    private readonly GitHubStandIn _gitHub = new();
    private ProxyFixture _proxy = null!;

    public async Task InitializeAsync() => _proxy = await ProxyFixture.StartAsync(_temp.Combine("kv.db"));

    public async Task DisposeAsync()
    {
        await _proxy.DisposeAsync();
        _gitHub.Dispose();
        _temp.Dispose();
    }

    private string WriteFeed(string name, string json) => _temp.WriteFile(name, json);

    // Options in extra replace the defaults of the same name, because the CLI rejects a repeated option.
    private string[] Arguments(string feed, string summary, params string[] extra)
    {
        var options = new List<(string Name, string Value)>
        {
            ("--repos", feed), ("--cache-url", _proxy.Url), ("--out", _temp.Combine("out")), ("--github-url", _gitHub.Url),
            ("--summary", summary), ("--retry-delay-ms", "10"), ("--max-retries", "2"),
        };
        for (var i = 0; i + 1 < extra.Length; i += 2)
        {
            options.RemoveAll(option => option.Name == extra[i]);
            options.Add((extra[i], extra[i + 1]));
        }

        return options.SelectMany(option => new[] { option.Name, option.Value }).ToArray();
    }

    private static RunSummary ReadSummary(string path) =>
        JsonSerializer.Deserialize<RunSummary>(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path} is empty");

    private const string ThreeRepositories = """
        [
          {"owner": "acme", "name": "alpha", "pushedAt": "2019-02-05T04:42:37.000Z"},
          {"owner": "acme", "name": "beta.git", "pushedAt": "2020-01-01T00:00:00Z"},
          {"owner": "Other", "name": "gamma", "pushedAt": null},
          {"owner": "ACME", "name": "ALPHA", "pushedAt": "2019-02-05T04:42:37Z"},
          {"owner": "bad owner", "name": "x"}
        ]
        """;

    [Fact]
    public async Task Second_run_downloads_nothing()
    {
        _gitHub.AddRepository("acme", "alpha");
        _gitHub.AddRepository("acme", "beta.git");
        _gitHub.AddRepository("Other", "gamma");
        var feed = WriteFeed("feed.json", ThreeRepositories);

        var first = await RunnerProcess.IngestAsync(Arguments(feed, _temp.Combine("run1.json")));

        first.ExitCode.ShouldBe(0, first.ToString());
        first.Stdout.ShouldContain("Cache check: 0/3 hits (0.0%), 3 misses");
        first.Stdout.ShouldContain("Miss reasons: absent 3");
        _gitHub.AllTarballRequests().ShouldBe(3);
        File.ReadAllText(_temp.Combine("out", "acme", "beta.git.txt")).ShouldStartWith("Repository: acme/beta.git\n");

        var second = await RunnerProcess.IngestAsync(Arguments(feed, _temp.Combine("run2.json")));

        second.ExitCode.ShouldBe(0, second.ToString());
        second.Stdout.ShouldContain("Cache check: 3/3 hits (100.0%), 0 misses");
        _gitHub.AllTarballRequests().ShouldBe(3);
        ReadSummary(_temp.Combine("run2.json")).Totals.Downloads.ShouldBe(0);
    }

    [Fact]
    public async Task Summary_records_every_outcome_and_total()
    {
        _gitHub.AddRepository("acme", "alpha");
        _gitHub.AddRepository("acme", "beta.git");
        _gitHub.AddRepository("Other", "gamma");
        var feed = WriteFeed("feed.json", ThreeRepositories);

        var run = await RunnerProcess.IngestAsync(Arguments(feed, _temp.Combine("run.json")));
        var summary = ReadSummary(_temp.Combine("run.json"));

        run.ExitCode.ShouldBe(0, run.ToString());
        summary.ExitCode.ShouldBe(0);
        summary.Totals.FeedRows.ShouldBe(5);
        summary.Totals.InvalidRows.ShouldBe(1);
        summary.Totals.DuplicatesMerged.ShouldBe(1);
        summary.Totals.Checked.ShouldBe(3);
        summary.Totals.Misses.ShouldBe(3);
        summary.Totals.MissesByReason.ShouldBe(new Dictionary<string, int> { ["absent"] = 3 });
        summary.Totals.Processed.ShouldBe(3);
        summary.Totals.Downloads.ShouldBe(3);
        summary.Totals.CacheWrites.ShouldBe(3);
        summary.Totals.WriteErrors.ShouldBe(0);
        summary.Latency.Check.Count.ShouldBe(1);
        summary.Latency.Write.Count.ShouldBe(3);
        summary.Repositories.Select(r => $"{r.FeedIndex}:{r.Outcome}").ShouldBe(["0:processed", "1:processed", "2:processed", "4:skipped-invalid"]);
        summary.Repositories[3].Error.ShouldNotBeNull().ShouldContain("owner 'bad owner' contains ' '");

        var entry = await _proxy.EntryAsync("acme", "alpha");
        entry.ShouldNotBeNull();
        entry.Status.ShouldBe(CacheStatus.Complete);
        entry.PushedAt.ShouldBe("2019-02-05T04:42:37Z");
        entry.Processor.ShouldBe(summary.Processor);
        entry.Digest!.Sha256.ShouldBe(summary.Repositories[0].Digest!.Sha256);
        new FileInfo(entry.Digest.Path).Length.ShouldBe(entry.Digest.Bytes);
    }

    [Fact]
    public async Task Later_pushedAt_is_processed_again()
    {
        _gitHub.AddRepository("acme", "alpha");
        _gitHub.AddRepository("acme", "beta.git");
        var before = WriteFeed("before.json", """[{"owner": "acme", "name": "alpha", "pushedAt": "2019-02-05T04:42:37Z"}, {"owner": "acme", "name": "beta.git", "pushedAt": "2020-01-01T00:00:00Z"}]""");
        var after = WriteFeed("after.json", """[{"owner": "acme", "name": "alpha", "pushedAt": "2019-02-05T04:42:37.000Z"}, {"owner": "acme", "name": "beta.git", "pushedAt": "2021-06-01T00:00:00.000Z"}]""");
        (await RunnerProcess.IngestAsync(Arguments(before, _temp.Combine("run1.json")))).ExitCode.ShouldBe(0);

        var second = await RunnerProcess.IngestAsync(Arguments(after, _temp.Combine("run2.json")));

        second.ExitCode.ShouldBe(0, second.ToString());
        second.Stdout.ShouldContain("Cache check: 1/2 hits (50.0%), 1 misses");
        second.Stdout.ShouldContain("Miss reasons: stale 1");
        _gitHub.TarballRequests("acme", "alpha").ShouldBe(1);
        _gitHub.TarballRequests("acme", "beta.git").ShouldBe(2);
    }

    [Fact]
    public async Task Failing_download_leaves_failed_entry()
    {
        _gitHub.AddRepository("acme", "alpha");
        _gitHub.FailRepository("acme", "missing", 404);
        var feed = WriteFeed("feed.json", """[{"owner": "acme", "name": "alpha", "pushedAt": "2019-02-05T04:42:37Z"}, {"owner": "acme", "name": "missing", "pushedAt": "2019-02-05T04:42:37Z"}]""");

        var first = await RunnerProcess.IngestAsync(Arguments(feed, _temp.Combine("run1.json")));

        first.ExitCode.ShouldBe(ExitCodes.RepositoriesFailed, first.ToString());
        var entry = await _proxy.EntryAsync("acme", "missing");
        entry.ShouldNotBeNull();
        entry.Status.ShouldBe(CacheStatus.Failed);
        entry.Error.ShouldNotBeNull().ShouldContain("404");
        File.Exists(_temp.Combine("out", "acme", "missing.txt")).ShouldBeFalse();
        var failed = ReadSummary(_temp.Combine("run1.json")).Repositories.Single(r => r.Name == "missing");
        failed.Outcome.ShouldBe(RepositoryOutcome.Failed);
        failed.CacheWrite.ShouldBe("written");

        var second = await RunnerProcess.IngestAsync(Arguments(feed, _temp.Combine("run2.json")));

        second.Stdout.ShouldContain("Cache check: 1/2 hits (50.0%), 1 misses");
        second.Stdout.ShouldContain("Miss reasons: failed 1");
        _gitHub.TarballRequests("acme", "missing").ShouldBe(2);
        _gitHub.TarballRequests("acme", "alpha").ShouldBe(1);
    }

    [Fact]
    public async Task Unreachable_proxy_exits_with_3()
    {
        _gitHub.AddRepository("acme", "alpha");
        var feed = WriteFeed("feed.json", """[{"owner": "acme", "name": "alpha", "pushedAt": null}]""");
        var closedPort = $"http://127.0.0.1:{FreePort.Next()}/";
        var summaryPath = _temp.Combine("run.json");

        var run = await RunnerProcess.IngestAsync(Arguments(feed, summaryPath, "--cache-url", closedPort));

        run.ExitCode.ShouldBe(ExitCodes.CacheUnavailable, run.ToString());
        run.Stderr.ShouldContain($"error: The cache proxy at {closedPort} cannot be reached");
        run.Stdout.ShouldNotContain("Cache check:");
        _gitHub.AllTarballRequests().ShouldBe(0);
        ReadSummary(summaryPath).CacheError.ShouldNotBeNull().ShouldContain("cannot be reached");
    }

    [Fact]
    public async Task Unreachable_proxy_logs_one_line()
    {
        var feed = WriteFeed("feed.json", """[{"owner": "acme", "name": "alpha", "pushedAt": null}]""");
        var closedPort = $"http://127.0.0.1:{FreePort.Next()}/";

        var run = await RunnerProcess.IngestAsync(Arguments(feed, _temp.Combine("run.json"), "--cache-url", closedPort));

        run.ExitCode.ShouldBe(ExitCodes.CacheUnavailable, run.ToString());
        var failLines = run.Stderr.Split('\n').Where(line => line.Contains("Cache check failed", StringComparison.Ordinal)).ToList();
        failLines.Count.ShouldBe(1, run.ToString());
        failLines[0].ShouldContain("cannot be reached");
        run.Stderr.ShouldNotContain("HttpRequestException", customMessage: run.ToString());
        run.Stderr.ShouldNotContain(" at RepoCache.", customMessage: run.ToString());
        run.Stderr.ShouldContain("Start it (repocache serve) or fix --cache-url.");
    }

    [Fact]
    public async Task Process_all_processes_everything_when_proxy_is_down()
    {
        _gitHub.AddRepository("acme", "alpha");
        _gitHub.AddRepository("acme", "beta.git");
        var feed = WriteFeed("feed.json", """[{"owner": "acme", "name": "alpha", "pushedAt": null}, {"owner": "acme", "name": "beta.git", "pushedAt": null}]""");
        var closedPort = $"http://127.0.0.1:{FreePort.Next()}/";

        var run = await RunnerProcess.IngestAsync(Arguments(feed, _temp.Combine("run.json"), "--cache-url", closedPort, "--on-cache-error", "process-all"));

        run.ExitCode.ShouldBe(ExitCodes.CacheUnavailable, run.ToString());
        var summaryLines = run.Stdout.Split('\n').SkipWhile(line => !line.StartsWith("Cache unavailable:")).ToList();
        summaryLines[0].ShouldContain("--on-cache-error process-all");
        summaryLines[1].ShouldStartWith("Summary: 2 repositories, 0 hits, 2 processed");
        _gitHub.AllTarballRequests().ShouldBe(2);
        File.Exists(_temp.Combine("out", "acme", "alpha.txt")).ShouldBeTrue();
        var summary = ReadSummary(_temp.Combine("run.json"));
        summary.CacheMode.ShouldBe("process-all");
        summary.Totals.WriteErrors.ShouldBe(2);
    }

    [Fact]
    public async Task Shards_split_the_feed_between_processes()
    {
        var rows = Enumerable.Range(1, 8).Select(i => $$"""{"owner": "acme", "name": "repo{{i}}", "pushedAt": "2020-01-0{{i}}T00:00:00Z"}""");
        var feed = WriteFeed("feed.json", $"[{string.Join(",", rows)}]");
        for (var i = 1; i <= 8; i++)
        {
            _gitHub.AddRepository("acme", $"repo{i}");
        }

        var runs = await Task.WhenAll(
            RunnerProcess.IngestAsync(Arguments(feed, _temp.Combine("shard1.json"), "--shard", "1/2")),
            RunnerProcess.IngestAsync(Arguments(feed, _temp.Combine("shard2.json"), "--shard", "2/2")));

        runs.ShouldAllBe(run => run.ExitCode == 0);
        var first = ReadSummary(_temp.Combine("shard1.json")).Repositories.Select(r => r.Name!).ToList();
        var second = ReadSummary(_temp.Combine("shard2.json")).Repositories.Select(r => r.Name!).ToList();
        first.Intersect(second).ShouldBeEmpty();
        first.Concat(second).Order().ShouldBe(Enumerable.Range(1, 8).Select(i => $"repo{i}").Order());
        Enumerable.Range(1, 8).ShouldAllBe(i => _gitHub.TarballRequests("acme", $"repo{i}") == 1);
    }

    [Fact]
    public async Task Limit_applies_before_sharding()
    {
        var rows = Enumerable.Range(1, 8).Select(i => $$"""{"owner": "acme", "name": "repo{{i}}", "pushedAt": null}""");
        var feed = WriteFeed("feed.json", $"[{string.Join(",", rows)}]");
        for (var i = 1; i <= 8; i++)
        {
            _gitHub.AddRepository("acme", $"repo{i}");
        }

        var runs = await Task.WhenAll(
            RunnerProcess.IngestAsync(Arguments(feed, _temp.Combine("shard1.json"), "--shard", "1/2", "--limit", "5")),
            RunnerProcess.IngestAsync(Arguments(feed, _temp.Combine("shard2.json"), "--shard", "2/2", "--limit", "5")));

        runs.ShouldAllBe(run => run.ExitCode == 0);
        var names = new[] { "shard1.json", "shard2.json" }.SelectMany(file => ReadSummary(_temp.Combine(file)).Repositories).Select(r => r.Name!);
        names.Order().ShouldBe(["repo1", "repo2", "repo3", "repo4", "repo5"]);
    }

    [Theory]
    [InlineData("--shard", "0/2", "--shard '0/2' is invalid")]
    [InlineData("--cache-url", "not-a-url", "--cache-url 'not-a-url' is invalid")]
    [InlineData("--limit", "0", "--limit 0 is invalid")]
    [InlineData("--repos", "/nonexistent/feed.json", "The feed file '/nonexistent/feed.json' cannot be opened")]
    [InlineData("--digest-command", "tool 'unclosed", "has an unclosed ' quote")]
    [InlineData("--on-cache-error", "ignore", "ignore")]
    public async Task Invalid_usage_exits_with_1(string option, string value, string message)
    {
        var feed = WriteFeed("feed.json", "[]");

        var run = await RunnerProcess.IngestAsync(Arguments(feed, _temp.Combine("run.json"), option, value));

        run.ExitCode.ShouldBe(ExitCodes.InvalidUsage, run.ToString());
        run.Stderr.ShouldContain(message);
    }

    [Fact]
    public async Task Truncated_feed_exits_with_1()
    {
        var feed = WriteFeed("feed.json", """[{"owner": "acme", "name": "alpha"}, {"owner": "ac""");

        var run = await RunnerProcess.IngestAsync(Arguments(feed, _temp.Combine("run.json")));

        run.ExitCode.ShouldBe(ExitCodes.InvalidUsage, run.ToString());
        run.Stderr.ShouldContain("not a valid JSON array");
        _gitHub.AllTarballRequests().ShouldBe(0);
    }

    [Fact]
    public async Task Interrupted_run_exits_with_130()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        _gitHub.SlowRepository("acme", "slow", TimeSpan.FromSeconds(60));
        var feed = WriteFeed("feed.json", """[{"owner": "acme", "name": "slow", "pushedAt": null}]""");
        var summaryPath = _temp.Combine("run.json");

        var run = await RunnerProcess.IngestAsync(Arguments(feed, summaryPath), interruptAfter: "Cache check:");

        run.ExitCode.ShouldBe(ExitCodes.Cancelled, run.ToString());
        run.Stderr.ShouldContain("the run was cancelled", customMessage: run.ToString());
        ReadSummary(summaryPath).ExitCode.ShouldBe(ExitCodes.Cancelled);
        (await _proxy.EntryAsync("acme", "slow")).ShouldBeNull();
        File.Exists(_temp.Combine("out", "acme", "slow.txt")).ShouldBeFalse();
    }

    [Fact]
    public async Task Terminated_run_reports_every_repository()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        // A GitHub stand-in that accepts connections and never responds, so the first download stalls.
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var silentUrl = $"http://127.0.0.1:{((System.Net.IPEndPoint)silent.LocalEndpoint).Port}/";
        var feed = WriteFeed("feed.json", """
            [
              {"owner": "acme", "name": "stalled", "pushedAt": null},
              {"owner": "bad owner", "name": "x"},
              {"owner": "acme", "name": "waiting", "pushedAt": "2020-01-01T00:00:00Z"}
            ]
            """);
        var summaryPath = _temp.Combine("run.json");

        var run = await RunnerProcess.IngestAsync(
            Arguments(feed, summaryPath, "--github-url", silentUrl, "--concurrency", "1"), interruptAfter: "Miss reasons:", signal: RunnerProcess.SigTerm);

        run.ExitCode.ShouldBe(ExitCodes.Cancelled, run.ToString());
        run.Stdout.ShouldContain("Cache check: 0/2 hits (0.0%), 2 misses");
        run.Stdout.ShouldContain("Miss reasons: absent 2");
        var summary = ReadSummary(summaryPath);
        summary.ExitCode.ShouldBe(ExitCodes.Cancelled);
        summary.Totals.Checked.ShouldBe(2);
        summary.Totals.Misses.ShouldBe(2);
        summary.Totals.MissesByReason.ShouldBe(new Dictionary<string, int> { ["absent"] = 2 });
        summary.Totals.Processed.ShouldBe(0);
        summary.Repositories.Select(report => report.FeedIndex).ShouldBe([0, 1, 2]);
        summary.Repositories.Select(report => report.Outcome).ShouldBe([RepositoryOutcome.Cancelled, RepositoryOutcome.SkippedInvalid, RepositoryOutcome.Cancelled]);
        var waiting = summary.Repositories[2];
        waiting.Name.ShouldBe("waiting");
        waiting.PushedAt.ShouldBe("2020-01-01T00:00:00Z");
        waiting.MissReason.ShouldBe(MissReason.Absent);
        waiting.CacheWrite.ShouldBe("not-attempted");
        waiting.Error.ShouldNotBeNull().ShouldContain("cancelled");
        (await _proxy.EntryAsync("acme", "stalled")).ShouldBeNull();
    }

    [Fact]
    public async Task Digest_command_writes_the_digest()
    {
        _gitHub.AddRepository("acme", "alpha");
        var feed = WriteFeed("feed.json", """[{"owner": "acme", "name": "alpha", "pushedAt": null}]""");
        var summaryPath = _temp.Combine("run.json");

        var run = await RunnerProcess.IngestAsync(Arguments(feed, summaryPath, "--digest-command", "sh -c 'echo external digest of $0; cat README.md' {owner}/{name}"));

        run.ExitCode.ShouldBe(0, run.ToString());
        File.ReadAllText(_temp.Combine("out", "acme", "alpha.txt")).ShouldBe("external digest of acme/alpha\n# acme/alpha\n");
        ReadSummary(summaryPath).Processor.ShouldStartWith("command-v1:");
        (await _proxy.EntryAsync("acme", "alpha"))!.Processor.ShouldStartWith("command-v1:");
    }
}
