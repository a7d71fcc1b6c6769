using System.Net;
using System.Text.Json;
using RepoCache.Proxy.Tests.Support;

namespace RepoCache.Proxy.Tests;

public class ConcurrencyTests
{
    private const int Writers = 16;

    private const int WritesPerWriter = 25;

    [Fact]
    public async Task Sixteen_writers_to_different_repositories_lose_nothing()
    {
        await using var host = await ProxyHost.StartAsync();

        var writers = Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < WritesPerWriter; i++)
            {
                var response = await host.PutCompleteAsync($"owner-{writer}", $"repo-{i}", "2020-01-01T00:00:00Z");
                response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
            }
        }));
        await Task.WhenAll(writers);

        var stats = await host.StatsAsync();
        stats.Entries.ShouldBe(Writers * WritesPerWriter);
        stats.SinceStart.Writes.ShouldBe(Writers * WritesPerWriter);
        stats.SinceStart.WriteErrors.ShouldBe(0);
        for (var writer = 0; writer < Writers; writer++)
        {
            for (var i = 0; i < WritesPerWriter; i++)
            {
                (await host.Proxy.Backend.GetAsync($"repo:owner-{writer}/repo-{i}", CancellationToken.None)).ShouldNotBeNull();
            }
        }
    }

    [Fact]
    public async Task Sixteen_writers_to_one_repository_keep_latest()
    {
        await using var host = await ProxyHost.StartAsync();
        var start = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

        // Every writer sends a distinct pushedAt. Whatever the order, the latest must win and no write may fail.
        var writers = Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < WritesPerWriter; i++)
            {
                var pushedAt = start.AddMinutes(writer * WritesPerWriter + i).ToString("yyyy-MM-ddTHH:mm:ssZ");
                statuses.Add((await host.PutCompleteAsync("Octo", "Shared", pushedAt)).StatusCode);
            }

            return statuses;
        }));
        var statuses = (await Task.WhenAll(writers)).SelectMany(list => list).ToList();

        statuses.ShouldAllBe(status => status == HttpStatusCode.NoContent || status == HttpStatusCode.Conflict);
        var stored = await host.Proxy.Backend.GetAsync("repo:octo/shared", CancellationToken.None);
        var latest = start.AddMinutes(Writers * WritesPerWriter - 1).ToString("yyyy-MM-ddTHH:mm:ssZ");
        JsonDocument.Parse(stored.ShouldNotBeNull()).RootElement.GetProperty("pushedAt").GetString().ShouldBe(latest);
        var stats = await host.StatsAsync();
        (stats.SinceStart.Writes + stats.SinceStart.WriteConflicts).ShouldBe(Writers * WritesPerWriter);
        stats.SinceStart.Writes.ShouldBe(statuses.Count(status => status == HttpStatusCode.NoContent));
        stats.SinceStart.WriteErrors.ShouldBe(0);
        stats.Entries.ShouldBe(1);
    }

    [Fact]
    public async Task Concurrent_checks_and_writes_count_every_request()
    {
        await using var host = await ProxyHost.StartAsync();

        var tasks = Enumerable.Range(0, Writers).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                await host.PutCompleteAsync("org", $"r{worker}", $"2020-01-01T00:00:{i:D2}Z");
                await host.GetAsync("org", $"r{worker}", $"2020-01-01T00:00:{i:D2}Z");
            }
        }));
        await Task.WhenAll(tasks);

        var stats = await host.StatsAsync();
        stats.SinceStart.Writes.ShouldBe(Writers * 10);
        stats.SinceStart.Checks.ShouldBe(Writers * 10);
        stats.SinceStart.Hits.ShouldBe(Writers * 10);
    }
}
