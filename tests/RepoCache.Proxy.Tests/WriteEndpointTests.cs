using System.Net;
using System.Text;
using System.Text.Json;
using RepoCache.Proxy.Contract;
using RepoCache.Proxy.Tests.Support;

namespace RepoCache.Proxy.Tests;

public class WriteEndpointTests
{
    [Fact]
    public async Task Original_client_write_returns_204_and_is_stored()
    {
        await using var host = await ProxyHost.StartAsync();

        // The exact body of the original Python client: processedAt without an offset, no processor.
        var response = await host.PutAsync("BathnesDevelopment", "Bath-Hacked", """{"pushedAt": "2015-02-19T22:33:33.000Z", "processedAt": "2026-03-01T11:59:58.123456", "status": "complete"}""");

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var stored = await host.Proxy.Backend.GetAsync("repo:bathnesdevelopment/bath-hacked", CancellationToken.None);
        var entry = JsonDocument.Parse(stored.ShouldNotBeNull()).RootElement;
        entry.GetProperty("owner").GetString().ShouldBe("BathnesDevelopment");
        entry.GetProperty("name").GetString().ShouldBe("Bath-Hacked");
        entry.GetProperty("pushedAt").GetString().ShouldBe("2015-02-19T22:33:33Z");
        entry.GetProperty("status").GetString().ShouldBe(CacheStatus.Complete);
    }

    [Fact]
    public async Task Body_with_a_byte_order_mark_is_accepted()
    {
        await using var host = await ProxyHost.StartAsync();
        var body = new ByteArrayContent([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("""{"pushedAt":null}""")]);

        var response = await host.Client.PutAsync("cache/octo/bom", body);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Body_that_is_not_utf8_is_400()
    {
        await using var host = await ProxyHost.StartAsync();
        var body = new ByteArrayContent([(byte)'{', (byte)'"', 0xFF, 0xFE, (byte)'"', (byte)':', (byte)'1', (byte)'}']);

        var response = await host.Client.PutAsync("cache/octo/latin", body);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Deeply_nested_body_is_400()
    {
        await using var host = await ProxyHost.StartAsync();
        var body = "{\"pushedAt\":null,\"error\":" + new string('[', 100) + new string(']', 100) + "}";

        var response = await host.PutAsync("octo", "deep", body);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Processed_at_is_the_proxy_clock()
    {
        await using var host = await ProxyHost.StartAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(5));

        await host.PutAsync("octo", "hello-world", """{"pushedAt":"2019-02-05T04:42:37Z","processedAt":"1999-01-01T00:00:00Z"}""");

        var entry = await (await host.GetAsync("octo", "hello-world", "2019-02-05T04:42:37Z")).ShouldBeJsonAsync(HttpStatusCode.OK);
        entry.GetProperty("processedAt").GetString().ShouldBe("2026-03-01T12:05:00Z");
    }

    [Fact]
    public async Task Full_entry_round_trips()
    {
        await using var host = await ProxyHost.StartAsync();
        var sha = new string('A', 64);

        var put = await host.PutAsync("octo", "hello-world",
            $$"""{"pushedAt":"2019-02-05T04:42:37Z","status":"complete","processor":"digest-v1","digest":{"path":"out/octo/hello-world.txt","bytes":1234,"sha256":"{{sha}}"},"error":null}""");

        put.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var entry = await (await host.GetAsync("octo", "hello-world", "2019-02-05T04:42:37Z", "digest-v1")).ShouldBeJsonAsync(HttpStatusCode.OK);
        entry.GetProperty("processor").GetString().ShouldBe("digest-v1");
        entry.GetProperty("digest").GetProperty("path").GetString().ShouldBe("out/octo/hello-world.txt");
        entry.GetProperty("digest").GetProperty("bytes").GetInt64().ShouldBe(1234);
        entry.GetProperty("digest").GetProperty("sha256").GetString().ShouldBe(new string('a', 64));
    }

    [Fact]
    public async Task Older_write_is_409_and_changes_nothing()
    {
        await using var host = await ProxyHost.StartAsync();
        await host.PutCompleteAsync("octo", "hello-world", "2020-01-01T00:00:00Z");
        var before = await host.Proxy.Backend.GetAsync("repo:octo/hello-world", CancellationToken.None);
        host.Clock.Advance(TimeSpan.FromHours(1));

        var response = await host.PutCompleteAsync("octo", "hello-world", "2019-12-31T23:59:59Z");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "pushedAt");
        problem.GetProperty("storedPushedAt").GetString().ShouldBe("2020-01-01T00:00:00Z");
        var after = await host.Proxy.Backend.GetAsync("repo:octo/hello-world", CancellationToken.None);
        after.ShouldBe(before);
        (await host.StatsAsync()).SinceStart.WriteConflicts.ShouldBe(1);
    }

    [Fact]
    public async Task Older_failed_write_is_409()
    {
        await using var host = await ProxyHost.StartAsync();
        await host.PutCompleteAsync("octo", "hello-world", "2020-01-01T00:00:00Z");

        var response = await host.PutAsync("octo", "hello-world", """{"pushedAt":"2019-06-01T00:00:00Z","status":"failed","error":"timeout"}""");

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "pushedAt");
    }

    [Fact]
    public async Task Same_or_later_pushed_at_replaces_the_entry()
    {
        await using var host = await ProxyHost.StartAsync();
        await host.PutCompleteAsync("octo", "hello-world", "2020-01-01T00:00:00Z");

        (await host.PutCompleteAsync("octo", "hello-world", "2020-01-01T00:00:00.000Z")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await host.PutCompleteAsync("octo", "hello-world", "2021-01-01T00:00:00Z")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await host.GetAsync("octo", "hello-world", "2020-06-01T00:00:00Z")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Older_write_may_replace_a_failed_entry()
    {
        await using var host = await ProxyHost.StartAsync();
        await host.PutAsync("octo", "hello-world", """{"pushedAt":"2020-01-01T00:00:00Z","status":"failed","error":"502"}""");

        var response = await host.PutCompleteAsync("octo", "hello-world", "2019-01-01T00:00:00Z");

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Older_write_of_new_processor_succeeds()
    {
        await using var host = await ProxyHost.StartAsync();
        await host.PutCompleteAsync("octo", "hello-world", "2020-01-01T00:00:00Z", processor: "digest-v1");

        var response = await host.PutCompleteAsync("octo", "hello-world", "2019-01-01T00:00:00Z", processor: "digest-v2");

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Failing_store_write_is_503()
    {
        var backend = new FaultyBackend();
        await using var host = await ProxyHost.StartAsync(options => options with { BackendOverride = backend });

        var response = await host.PutCompleteAsync("octo", "hello-world", "2019-02-05T04:42:37Z");

        await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter.ShouldNotBeNull();
        (await host.StatsAsync()).SinceStart.WriteErrors.ShouldBe(1);
    }

    [Fact]
    public async Task Rejected_put_is_503_and_counted()
    {
        await using var host = await ProxyHost.StartAsync();
        var readOnly = new WriteFailingBackend(host.Proxy.Backend);
        await using var failing = await ProxyHost.StartAsync(options => options with { BackendOverride = readOnly });

        var response = await failing.PutCompleteAsync("octo", "hello-world", "2019-02-05T04:42:37Z");

        await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        var stats = await failing.StatsAsync();
        stats.SinceStart.WriteErrors.ShouldBe(1);
        stats.SinceStart.Writes.ShouldBe(0);
        (await host.Proxy.Backend.GetAsync("repo:octo/hello-world", CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task Failing_store_check_is_503()
    {
        await using var host = await ProxyHost.StartAsync(options => options with { BackendOverride = new FaultyBackend() });

        var single = await host.GetAsync("octo", "hello-world", "2019-02-05T04:42:37Z");
        var batch = await host.Client.PostAsync("cache/check", new StringContent(
            """{"repos":[{"owner":"octo","name":"a","pushedAt":null}]}""", Encoding.UTF8, "application/json"));

        await single.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        await batch.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        var stats = await host.StatsAsync();
        stats.SinceStart.CheckErrors.ShouldBe(2);
        stats.SinceStart.Checks.ShouldBe(0);
        stats.Entries.ShouldBeNull();
    }

    [Fact]
    public async Task Delete_invalidates_the_entry()
    {
        await using var host = await ProxyHost.StartAsync();
        await host.PutCompleteAsync("octo", "hello-world", "2019-02-05T04:42:37Z");

        var delete = await host.Client.DeleteAsync("cache/Octo/Hello-World");

        delete.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var body = await (await host.GetAsync("octo", "hello-world", "2019-02-05T04:42:37Z")).ShouldBeJsonAsync(HttpStatusCode.NotFound);
        body.GetProperty("reason").GetString().ShouldBe(MissReason.Absent);
    }

    [Fact]
    public async Task Delete_of_a_missing_entry_is_204()
    {
        await using var host = await ProxyHost.StartAsync();

        var delete = await host.Client.DeleteAsync("cache/octo/never-written");

        delete.StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Delete_against_a_failing_store_is_503()
    {
        await using var host = await ProxyHost.StartAsync(options => options with { BackendOverride = new FaultyBackend() });

        var delete = await host.Client.DeleteAsync("cache/octo/hello-world");

        await delete.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
    }
}
