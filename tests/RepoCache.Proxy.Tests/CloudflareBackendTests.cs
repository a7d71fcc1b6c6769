using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RepoCache.Kv;
using RepoCache.Kv.Rest;
using RepoCache.Proxy.Backends;
using RepoCache.Proxy.Backends.Cloudflare;
using RepoCache.Proxy.Contract;
using RepoCache.Proxy.Hosting;
using RepoCache.Proxy.Tests.Support;

namespace RepoCache.Proxy.Tests;

/// <summary>The Cloudflare REST client against the KV emulator's own REST API v4 surface.</summary>
[Collection(CloudflareCollection.Name)]
public sealed class CloudflareBackendTests : IAsyncLifetime
{
    private const string AccountId = "0123456789abcdef0123456789abcdef";

    private const string NamespaceId = "fedcba9876543210fedcba9876543210";

    private const string ApiToken = "cf-test-token";

    private readonly TempFolder _folder = new();

    private KvEmulator _emulator = null!;

    private KvRestServer _rest = null!;

    public async Task InitializeAsync()
    {
        _emulator = KvEmulator.Open(new KvEmulatorOptions(_folder.File("cloudflare.db")));
        _emulator.GetOrCreateNamespace(NamespaceId, "cloudflare stand-in");
        _rest = await KvRestServer.StartAsync(_emulator, new KvRestServerOptions(Port: 0, Token: ApiToken));
    }

    public async Task DisposeAsync()
    {
        await _rest.DisposeAsync();
        _emulator.Dispose();
        _folder.Dispose();
    }

    private CloudflareKvOptions Options(string token = ApiToken) => new()
    {
        AccountId = AccountId,
        NamespaceId = NamespaceId,
        ApiToken = token,
        BaseUrl = new Uri(_rest.BaseAddress, "client/v4").ToString(),
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
    };

    private IKvNamespace Namespace => _emulator.GetNamespace(NamespaceId);

    [Fact]
    public async Task Proxy_contract_works_over_the_rest_api()
    {
        await using var host = await ProxyHost.StartAsync(options => options with { Backend = KvBackendKind.Cloudflare, Cloudflare = Options() });

        var put = await host.PutAsync("Octo", "Hello-World", """{"pushedAt":"2019-02-05T04:42:37.000Z","processedAt":"x","status":"complete"}""");
        var hit = await host.GetAsync("octo", "hello-world", "2019-02-05T05:42:37+01:00");
        var stale = await host.GetAsync("octo", "hello-world", "2019-02-05T04:42:38Z");
        var stats = await host.StatsAsync();

        put.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        hit.StatusCode.ShouldBe(HttpStatusCode.OK);
        stale.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        stats.Backend.ShouldBe("cloudflare");
        stats.Entries.ShouldBe(1);
        var stored = await Namespace.GetWithMetadataAsync("repo:octo/hello-world");
        Encoding.UTF8.GetString(stored.ShouldNotBeNull().Value.Span).ShouldContain("\"owner\":\"Octo\"");
    }

    [Fact]
    public async Task Keys_with_slash_round_trip()
    {
        using var backend = new CloudflareKvBackend(Options(), NullLogger<CloudflareKvBackend>.Instance);

        await backend.PutAsync("repo:octo/a b%2F?#", "value", CancellationToken.None);

        (await Namespace.GetWithMetadataAsync("repo:octo/a b%2F?#")).ShouldNotBeNull();
        (await backend.GetAsync("repo:octo/a b%2F?#", CancellationToken.None)).ShouldBe("value");
    }

    [Fact]
    public async Task Missing_key_reads_as_null()
    {
        using var backend = new CloudflareKvBackend(Options(), NullLogger<CloudflareKvBackend>.Instance);

        (await backend.GetAsync("repo:nobody/nothing", CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task Bulk_get_spans_several_requests_of_100_keys()
    {
        for (var i = 0; i < 250; i += 2)
        {
            await Namespace.PutAsync($"repo:org/r{i}", Encoding.UTF8.GetBytes($"v{i}"));
        }

        using var backend = new CloudflareKvBackend(Options(), NullLogger<CloudflareKvBackend>.Instance);
        var keys = Enumerable.Range(0, 250).Select(i => $"repo:org/r{i}").ToList();

        var values = await backend.GetManyAsync(keys, CancellationToken.None);

        values.Count.ShouldBe(250);
        values["repo:org/r0"].ShouldBe("v0");
        values["repo:org/r248"].ShouldBe("v248");
        values["repo:org/r1"].ShouldBeNull();
        values["repo:org/r249"].ShouldBeNull();
    }

    [Fact]
    public async Task Count_pages_through_more_than_1000_keys()
    {
        for (var i = 0; i < 1_030; i++)
        {
            await Namespace.PutAsync($"repo:org/r{i:D4}", Encoding.UTF8.GetBytes("{}"));
        }

        await Namespace.PutAsync("other:key", Encoding.UTF8.GetBytes("{}"));
        using var backend = new CloudflareKvBackend(Options(), NullLogger<CloudflareKvBackend>.Instance);

        (await backend.CountAsync("repo:", CancellationToken.None)).ShouldBe(1_030);
    }

    [Fact]
    public async Task Delete_removes_the_key()
    {
        await Namespace.PutAsync("repo:org/gone", Encoding.UTF8.GetBytes("{}"));
        using var backend = new CloudflareKvBackend(Options(), NullLogger<CloudflareKvBackend>.Instance);

        await backend.DeleteAsync("repo:org/gone", CancellationToken.None);

        (await Namespace.GetWithMetadataAsync("repo:org/gone")).ShouldBeNull();
    }

    [Fact]
    public async Task Wrong_token_gives_503_with_hint()
    {
        await using var host = await ProxyHost.StartAsync(options => options with { Backend = KvBackendKind.Cloudflare, Cloudflare = Options("wrong") });

        var put = await host.PutCompleteAsync("octo", "a", null);

        var problem = await put.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        problem.GetProperty("detail").GetString()!.ShouldContain(CloudflareKvOptions.ApiTokenVariable);
        problem.GetProperty("detail").GetString()!.ShouldNotContain("wrong");
        (await Namespace.GetWithMetadataAsync("repo:octo/a")).ShouldBeNull();
    }

    [Fact]
    public async Task Rapid_write_is_503_until_a_second_passes()
    {
        var clock = new FakeTimeProvider(ProxyHost.Start);
        using var folder = new TempFolder();
        using var strictEmulator = KvEmulator.Open(new KvEmulatorOptions(folder.File("strict.db"), clock, RejectRapidWrites: true));
        strictEmulator.GetOrCreateNamespace(NamespaceId, "strict stand-in");
        await using var strictRest = await KvRestServer.StartAsync(strictEmulator, new KvRestServerOptions(Port: 0, Token: ApiToken));
        var cloudflare = Options() with { BaseUrl = new Uri(strictRest.BaseAddress, "client/v4").ToString(), MaxRetries = 2 };
        await using var host = await ProxyHost.StartAsync(options => options with { Backend = KvBackendKind.Cloudflare, Cloudflare = cloudflare });

        var first = await host.PutCompleteAsync("octo", "a", "2020-01-01T00:00:00Z");
        var rapid = await host.PutCompleteAsync("octo", "a", "2020-01-02T00:00:00Z");
        clock.Advance(TimeSpan.FromSeconds(1));
        var later = await host.PutCompleteAsync("octo", "a", "2020-01-02T00:00:00Z");

        first.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var problem = await rapid.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        problem.GetProperty("detail").GetString()!.ShouldContain("429");
        later.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await host.GetAsync("octo", "a", "2020-01-02T00:00:00Z")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Unknown_namespace_is_an_error_not_a_miss()
    {
        using var backend = new CloudflareKvBackend(Options() with { NamespaceId = "00000000000000000000000000000000" }, NullLogger<CloudflareKvBackend>.Instance);

        await Should.ThrowAsync<CacheBackendException>(() => backend.GetAsync("repo:octo/a", CancellationToken.None));
    }

    [Fact]
    public async Task Settings_come_from_the_environment_when_options_are_empty()
    {
        Environment.SetEnvironmentVariable(CloudflareKvOptions.AccountIdVariable, AccountId);
        Environment.SetEnvironmentVariable(CloudflareKvOptions.NamespaceIdVariable, NamespaceId);
        Environment.SetEnvironmentVariable(CloudflareKvOptions.ApiTokenVariable, ApiToken);
        try
        {
            var options = new CloudflareKvOptions { BaseUrl = Options().BaseUrl }.WithEnvironmentDefaults();
            using var backend = new CloudflareKvBackend(options, NullLogger<CloudflareKvBackend>.Instance);

            await backend.PutAsync("repo:env/works", "{}", CancellationToken.None);

            (await Namespace.GetWithMetadataAsync("repo:env/works")).ShouldNotBeNull();
        }
        finally
        {
            Environment.SetEnvironmentVariable(CloudflareKvOptions.AccountIdVariable, null);
            Environment.SetEnvironmentVariable(CloudflareKvOptions.NamespaceIdVariable, null);
            Environment.SetEnvironmentVariable(CloudflareKvOptions.ApiTokenVariable, null);
        }
    }

    [Theory]
    [InlineData(null, NamespaceId, ApiToken, CloudflareKvOptions.AccountIdVariable)]
    [InlineData(AccountId, "", ApiToken, CloudflareKvOptions.NamespaceIdVariable)]
    [InlineData(AccountId, NamespaceId, " ", CloudflareKvOptions.ApiTokenVariable)]
    public void Missing_setting_names_its_variable(string? account, string? ns, string? token, string variable)
    {
        var options = new CloudflareKvOptions { AccountId = account, NamespaceId = ns, ApiToken = token };

        var error = Should.Throw<CacheProxyConfigurationException>(() => new CloudflareKvBackend(options, NullLogger<CloudflareKvBackend>.Instance));

        error.Message.ShouldContain(variable);
    }

    [Theory]
    [InlineData("http://kv.example.com/client/v4")]
    [InlineData("ftp://127.0.0.1/client/v4")]
    [InlineData("client/v4")]
    public void Unsafe_or_invalid_base_url_is_refused(string baseUrl)
    {
        var options = Options() with { BaseUrl = baseUrl };

        Should.Throw<CacheProxyConfigurationException>(() => new CloudflareKvBackend(options, NullLogger<CloudflareKvBackend>.Instance));
    }
}

[CollectionDefinition(Name)]
public sealed class CloudflareCollection
{
    public const string Name = "Cloudflare backend";
}
