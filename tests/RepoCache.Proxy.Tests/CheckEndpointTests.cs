using System.Net;
using RepoCache.Proxy.Contract;
using RepoCache.Proxy.Tests.Support;

namespace RepoCache.Proxy.Tests;

public class CheckEndpointTests
{
    [Fact]
    public async Task Unknown_repository_is_absent_miss()
    {
        await using var host = await ProxyHost.StartAsync();

        var response = await host.GetAsync("octo", "hello-world", "2019-02-05T04:42:37Z");

        var body = await response.ShouldBeJsonAsync(HttpStatusCode.NotFound);
        body.GetProperty("needsProcessing").GetBoolean().ShouldBeTrue();
        body.GetProperty("reason").GetString().ShouldBe(MissReason.Absent);
    }

    [Theory]
    [InlineData("2019-02-05T04:42:37.000Z")]
    [InlineData("2019-02-05T04:42:37Z")]
    [InlineData("2019-02-05T05:42:37+01:00")]
    [InlineData("2019-02-05T04:42:37.999Z")]
    public async Task Same_instant_in_any_spelling_hits(string spelling)
    {
        await using var host = await ProxyHost.StartAsync();
        (await host.PutCompleteAsync("octo", "hello-world", "2019-02-05T04:42:37.000Z")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var response = await host.GetAsync("octo", "hello-world", spelling);

        var entry = await response.ShouldBeJsonAsync(HttpStatusCode.OK);
        entry.GetProperty("pushedAt").GetString().ShouldBe("2019-02-05T04:42:37Z");
        entry.GetProperty("status").GetString().ShouldBe(CacheStatus.Complete);
    }

    [Fact]
    public async Task Unencoded_plus_of_an_offset_is_understood()
    {
        await using var host = await ProxyHost.StartAsync();
        await host.PutCompleteAsync("octo", "hello-world", "2019-02-05T04:42:37Z");

        var response = await host.Client.GetAsync("cache/octo/hello-world?pushedAt=2019-02-05T05:42:37+01:00");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Earlier_feed_pushed_at_hits_a_later_entry()
    {
        await using var host = await ProxyHost.StartAsync();
        await host.PutCompleteAsync("octo", "hello-world", "2019-02-05T04:42:38Z");

        var response = await host.GetAsync("octo", "hello-world", "2019-02-05T04:42:37Z");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Later_feed_pushed_at_is_stale()
    {
        await using var host = await ProxyHost.StartAsync();
        await host.PutCompleteAsync("octo", "hello-world", "2019-02-05T04:42:37Z");

        var response = await host.GetAsync("octo", "hello-world", "2019-02-05T04:42:38Z");

        var body = await response.ShouldBeJsonAsync(HttpStatusCode.NotFound);
        body.GetProperty("reason").GetString().ShouldBe(MissReason.Stale);
    }

    [Fact]
    public async Task Null_pushed_at_hits_only_a_null_entry()
    {
        await using var host = await ProxyHost.StartAsync();
        await host.PutCompleteAsync("octo", "never-pushed", null);
        await host.PutCompleteAsync("octo", "pushed", "2019-02-05T04:42:37Z");

        (await host.GetAsync("octo", "never-pushed", "null")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var pushed = await (await host.GetAsync("octo", "pushed", "null")).ShouldBeJsonAsync(HttpStatusCode.NotFound);
        pushed.GetProperty("reason").GetString().ShouldBe(MissReason.Stale);
        var neverPushed = await (await host.GetAsync("octo", "never-pushed", "2019-02-05T04:42:37Z")).ShouldBeJsonAsync(HttpStatusCode.NotFound);
        neverPushed.GetProperty("reason").GetString().ShouldBe(MissReason.Stale);
    }

    [Fact]
    public async Task Failed_entry_is_a_failed_miss()
    {
        await using var host = await ProxyHost.StartAsync();
        await host.PutAsync("octo", "broken", """{"pushedAt":"2019-02-05T04:42:37Z","status":"failed","error":"tarball 502"}""");

        var response = await host.GetAsync("octo", "broken", "2019-02-05T04:42:37Z");

        var body = await response.ShouldBeJsonAsync(HttpStatusCode.NotFound);
        body.GetProperty("reason").GetString().ShouldBe(MissReason.Failed);
    }

    [Fact]
    public async Task Other_processor_is_a_processor_changed_miss()
    {
        await using var host = await ProxyHost.StartAsync();
        await host.PutCompleteAsync("octo", "hello-world", "2019-02-05T04:42:37Z", processor: "digest-v1");

        var same = await host.GetAsync("octo", "hello-world", "2019-02-05T04:42:37Z", processor: "digest-v1");
        var other = await host.GetAsync("octo", "hello-world", "2019-02-05T04:42:37Z", processor: "digest-v2");

        same.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await other.ShouldBeJsonAsync(HttpStatusCode.NotFound);
        body.GetProperty("reason").GetString().ShouldBe(MissReason.ProcessorChanged);
    }

    [Fact]
    public async Task Owner_and_name_ignore_case()
    {
        await using var host = await ProxyHost.StartAsync();
        await host.PutCompleteAsync("Octo", "Hello-World", "2019-02-05T04:42:37Z");

        var response = await host.GetAsync("octo", "hello-world", "2019-02-05T04:42:37Z");

        var entry = await response.ShouldBeJsonAsync(HttpStatusCode.OK);
        entry.GetProperty("owner").GetString().ShouldBe("Octo");
        entry.GetProperty("name").GetString().ShouldBe("Hello-World");
    }

    [Fact]
    public async Task Unreadable_stored_value_is_a_malformed_miss()
    {
        await using var host = await ProxyHost.StartAsync();
        await host.Proxy.Backend.PutAsync("repo:octo/garbled", "{not json", CancellationToken.None);

        var response = await host.GetAsync("octo", "garbled", "2019-02-05T04:42:37Z");

        var body = await response.ShouldBeJsonAsync(HttpStatusCode.NotFound);
        body.GetProperty("reason").GetString().ShouldBe(MissReason.Malformed);
    }
}
