using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using RepoCache.Kv.Semantics;
using RepoCache.Proxy.Contract;
using RepoCache.Proxy.Hosting;
using RepoCache.Proxy.Tests.Support;

namespace RepoCache.Proxy.Tests;

public class HostingTests
{
    [Fact]
    public async Task Health_reports_versions_and_backend()
    {
        await using var host = await ProxyHost.StartAsync();

        var health = await host.Client.GetFromJsonAsync<HealthResponse>("health");

        health.ShouldNotBeNull();
        health.Status.ShouldBe("ok");
        health.Backend.ShouldBe("embedded");
        health.Runtime.ShouldBe(Environment.Version.ToString());
        health.Version.ShouldNotBeNullOrWhiteSpace();
        health.Location.ShouldContain("kv.db");
    }

    [Fact]
    public async Task Proxy_listens_on_loopback_by_default()
    {
        await using var host = await ProxyHost.StartAsync();

        host.Proxy.BaseAddress.Host.ShouldBe("127.0.0.1");
        host.Proxy.BaseAddress.Port.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Token_is_required_on_every_endpoint()
    {
        await using var host = await ProxyHost.StartAsync(options => options with { Token = "s3cret" });

        foreach (var url in new[] { "health", "cache/stats", "cache/octo/a?pushedAt=null" })
        {
            var response = await host.Client.GetAsync(url);
            await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "Authorization");
            response.Headers.WwwAuthenticate.ToString().ShouldStartWith("Bearer");
        }

        var write = await host.PutCompleteAsync("octo", "a", null);
        await write.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await host.Proxy.Backend.GetAsync("repo:octo/a", CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task Wrong_token_is_rejected_and_right_token_accepted()
    {
        await using var host = await ProxyHost.StartAsync(options => options with { Token = "s3cret" });

        host.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "s3cre");
        await (await host.Client.GetAsync("health")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        host.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", "s3cret");
        await (await host.Client.GetAsync("health")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        host.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret");
        (await host.Client.GetAsync("health")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await host.PutCompleteAsync("octo", "a", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    [InlineData("192.168.1.20")]
    public async Task Non_loopback_host_needs_token(string hostAddress)
    {
        using var folder = new TempFolder();

        var start = () => CacheProxyServer.StartAsync(new CacheProxyOptions { Host = hostAddress, Port = 0, DatabasePath = folder.File("kv.db") }, CancellationToken.None);

        var error = await Should.ThrowAsync<CacheProxyConfigurationException>(start);
        error.Message.ShouldContain("token");
        File.Exists(folder.File("kv.db")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("example.com")]
    [InlineData("not an address")]
    public async Task Host_name_is_rejected(string hostName)
    {
        var start = () => CacheProxyServer.StartAsync(new CacheProxyOptions { Host = hostName, Port = 0, DatabasePath = ":memory:", Token = "t" }, CancellationToken.None);

        var error = await Should.ThrowAsync<CacheProxyConfigurationException>(start);
        error.Message.ShouldContain(hostName);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(65536)]
    public async Task Port_out_of_range_is_rejected(int port)
    {
        var start = () => CacheProxyServer.StartAsync(new CacheProxyOptions { Port = port, DatabasePath = ":memory:" }, CancellationToken.None);

        await Should.ThrowAsync<CacheProxyConfigurationException>(start);
    }

    [Fact]
    public async Task Blank_token_is_rejected()
    {
        var start = () => CacheProxyServer.StartAsync(new CacheProxyOptions { Port = 0, DatabasePath = ":memory:", Token = "  " }, CancellationToken.None);

        await Should.ThrowAsync<CacheProxyConfigurationException>(start);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("::1")]
    public async Task Loopback_names_are_accepted_without_token(string hostAddress)
    {
        await using var host = await ProxyHost.StartAsync(options => options with { Host = hostAddress });

        (await host.Client.GetAsync("health")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Port_in_use_fails_and_releases_the_database()
    {
        using var folder = new TempFolder();
        await using var first = await ProxyHost.StartAsync();
        var taken = new CacheProxyOptions { Port = first.Proxy.BaseAddress.Port, DatabasePath = folder.File("kv.db") };

        await Should.ThrowAsync<IOException>(() => CacheProxyServer.StartAsync(taken, CancellationToken.None));

        await using var retry = await CacheProxyServer.StartAsync(taken with { Port = 0 }, CancellationToken.None);
        retry.BaseAddress.Port.ShouldNotBe(first.Proxy.BaseAddress.Port);
    }

    [Fact]
    public async Task Wait_for_shutdown_ends_on_cancel()
    {
        await using var host = await ProxyHost.StartAsync();
        using var cancellation = new CancellationTokenSource();

        var waiting = host.Proxy.WaitForShutdownAsync(cancellation.Token);
        waiting.IsCompleted.ShouldBeFalse();
        await cancellation.CancelAsync();

        await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        waiting.IsCompletedSuccessfully.ShouldBeTrue();
    }

    [Fact]
    public async Task In_memory_database_works()
    {
        await using var proxy = await CacheProxyServer.StartAsync(new CacheProxyOptions { Port = 0, DatabasePath = ":memory:" }, CancellationToken.None);
        using var client = new HttpClient { BaseAddress = proxy.BaseAddress };

        var put = await client.PutAsJsonAsync("cache/octo/a", new { pushedAt = "2020-01-01T00:00:00Z" });
        var get = await client.GetAsync("cache/octo/a?pushedAt=2020-01-01T00:00:00.000Z");

        put.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        get.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Second_proxy_on_same_file_fails()
    {
        using var folder = new TempFolder();
        await using var first = await ProxyHost.StartAsync(folder: folder);

        var start = () => CacheProxyServer.StartAsync(new CacheProxyOptions { Port = 0, DatabasePath = folder.File("kv.db") }, CancellationToken.None);

        var error = await Should.ThrowAsync<KvException>(start);
        error.Message.ShouldContain("kv.db");
    }
}
