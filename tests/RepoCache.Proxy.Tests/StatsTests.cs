using System.Net;
using System.Text;
using System.Text.Json;
using RepoCache.Kv;
using RepoCache.Proxy.Contract;
using RepoCache.Proxy.Hosting;
using RepoCache.Proxy.Tests.Support;

namespace RepoCache.Proxy.Tests;

public class StatsTests
{
    [Fact]
    public async Task Stats_count_outcomes_reasons_writes_and_entries()
    {
        await using var host = await ProxyHost.StartAsync();
        await host.PutCompleteAsync("octo", "a", "2020-01-01T00:00:00Z");
        await host.PutCompleteAsync("octo", "b", "2020-01-01T00:00:00Z");

        await host.GetAsync("octo", "a", "2020-01-01T00:00:00Z");
        await host.GetAsync("octo", "b", "2021-01-01T00:00:00Z");
        await host.GetAsync("octo", "c", "2021-01-01T00:00:00Z");
        await host.GetAsync("octo", "a", "2019-01-01T00:00:00Z");

        var stats = await host.StatsAsync();
        stats.Backend.ShouldBe("embedded");
        stats.Entries.ShouldBe(2);
        var window = stats.SinceStart;
        window.Checks.ShouldBe(4);
        window.Hits.ShouldBe(2);
        window.Misses.ShouldBe(2);
        window.MissesByReason[MissReason.Stale].ShouldBe(1);
        window.MissesByReason[MissReason.Absent].ShouldBe(1);
        window.MissesByReason.Keys.ShouldBe(MissReason.All, ignoreOrder: true);
        window.HitRate.ShouldBe(0.5);
        window.Writes.ShouldBe(2);
        window.LatencyMs.Check.Count.ShouldBe(4);
        window.LatencyMs.Write.Count.ShouldBe(2);
        window.Since.ShouldBe("2026-03-01T12:00:00Z");
    }

    [Fact]
    public async Task Entry_count_follows_writes_and_deletes()
    {
        await using var host = await ProxyHost.StartAsync();
        await host.PutCompleteAsync("octo", "a", null);
        (await host.StatsAsync()).Entries.ShouldBe(1);

        await host.PutCompleteAsync("octo", "b", null);
        await host.Client.DeleteAsync("cache/octo/a");

        var stats = await host.StatsAsync();
        stats.Entries.ShouldBe(1);
        stats.SinceStart.Deletes.ShouldBe(1);
    }

    [Fact]
    public async Task Reset_clears_the_since_reset_window_only()
    {
        await using var host = await ProxyHost.StartAsync();
        await host.GetAsync("octo", "a", "2020-01-01T00:00:00Z");
        host.Clock.Advance(TimeSpan.FromMinutes(10));

        var reset = await host.Client.PostAsync("cache/stats/reset", null);
        await host.GetAsync("octo", "b", "2020-01-01T00:00:00Z");

        reset.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var stats = await host.StatsAsync();
        stats.SinceStart.Checks.ShouldBe(2);
        stats.SinceReset.Checks.ShouldBe(1);
        stats.SinceReset.Since.ShouldBe("2026-03-01T12:10:00Z");
        stats.SinceReset.LatencyMs.Check.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Counters_survive_a_restart()
    {
        using var folder = new TempFolder();
        await using (var first = await ProxyHost.StartAsync(folder: folder))
        {
            await first.PutCompleteAsync("octo", "a", "2020-01-01T00:00:00Z");
            await first.GetAsync("octo", "a", "2020-01-01T00:00:00Z");
            await first.GetAsync("octo", "b", "2020-01-01T00:00:00Z");
            await first.PutCompleteAsync("octo", "a", "2019-01-01T00:00:00Z");
        }

        await using var second = await ProxyHost.StartAsync(folder: folder);
        var stats = await second.StatsAsync();

        stats.SinceReset.Checks.ShouldBe(2);
        stats.SinceReset.Hits.ShouldBe(1);
        stats.SinceReset.MissesByReason[MissReason.Absent].ShouldBe(1);
        stats.SinceReset.Writes.ShouldBe(1);
        stats.SinceReset.WriteConflicts.ShouldBe(1);
        stats.SinceReset.LatencyMs.Check.Count.ShouldBe(2);
        stats.SinceReset.Since.ShouldBe("2026-03-01T12:00:00Z");
        stats.SinceStart.Checks.ShouldBe(0);
        stats.Entries.ShouldBe(1);
    }

    [Fact]
    public async Task Reset_survives_a_restart()
    {
        using var folder = new TempFolder();
        await using (var first = await ProxyHost.StartAsync(folder: folder))
        {
            await first.GetAsync("octo", "a", "2020-01-01T00:00:00Z");
            (await first.Client.PostAsync("cache/stats/reset", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        await using var second = await ProxyHost.StartAsync(folder: folder);

        (await second.StatsAsync()).SinceReset.Checks.ShouldBe(0);
    }

    [Fact]
    public async Task Changed_counters_are_saved_every_second_while_running()
    {
        await using var host = await ProxyHost.StartAsync();
        await host.GetAsync("octo", "a", "2020-01-01T00:00:00Z");
        var statsNamespace = host.Proxy.Emulator.GetNamespace(CacheProxyOptions.StatsNamespaceId);

        host.Clock.Advance(TimeSpan.FromSeconds(1));

        // The save runs on the flusher's own task after the tick, so poll for it instead of assuming timing.
        KvEntry? saved = null;
        for (var attempt = 0; attempt < 200 && saved is null; attempt++)
        {
            saved = await statsNamespace.GetWithMetadataAsync("proxy-stats");
            if (saved is null)
            {
                await Task.Delay(50);
            }
        }

        saved.ShouldNotBeNull();
        using var document = JsonDocument.Parse(saved.Value);
        document.RootElement.GetProperty("checks").GetInt64().ShouldBe(1);
    }

    [Fact]
    public async Task Unused_proxy_stats_are_zero()
    {
        await using var host = await ProxyHost.StartAsync();

        var stats = await host.StatsAsync();

        stats.Entries.ShouldBe(0);
        stats.SinceReset.HitRate.ShouldBe(0);
        stats.SinceReset.LatencyMs.Check.P99.ShouldBe(0);
    }

    [Fact]
    public async Task Stats_with_an_injected_emulator_use_its_database()
    {
        using var folder = new TempFolder();
        using var emulator = KvEmulator.Open(new KvEmulatorOptions(folder.File("shared.db")));

        await using (var host = await ProxyHost.StartAsync(options => options with { Emulator = emulator, DatabasePath = "unused.db" }))
        {
            await host.PutCompleteAsync("octo", "a", "2020-01-01T00:00:00Z");
        }

        var entry = await emulator.GetNamespace(CacheProxyOptions.CacheNamespaceId).GetWithMetadataAsync("repo:octo/a");
        entry.ShouldNotBeNull();
        Encoding.UTF8.GetString(entry.Value.Span).ShouldContain("\"pushedAt\":\"2020-01-01T00:00:00Z\"");
        File.Exists("unused.db").ShouldBeFalse();
    }
}
