using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using RepoCache.Proxy.Backends;
using RepoCache.Proxy.Backends.Cloudflare;
using RepoCache.Proxy.Hosting;
using RepoCache.Proxy.Tests.Support;

namespace RepoCache.Proxy.Tests;

/// <summary>Retries of the Cloudflare client, against a loopback server scripted to fail.</summary>
[Collection(CloudflareCollection.Name)]
public class CloudflareRetryTests
{
    private static CloudflareKvOptions Options(Uri baseAddress, int maxRetries = 4) => new()
    {
        AccountId = "account",
        NamespaceId = "namespace",
        ApiToken = "token",
        BaseUrl = new Uri(baseAddress, "client/v4").ToString(),
        MaxRetries = maxRetries,
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
    };

    private static Task Answer(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsync(body);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task Transient_status_is_retried_until_success(int status)
    {
        await using var server = await ScriptedServer.StartAsync((context, attempt) =>
            attempt <= 2 ? Answer(context, status, """{"success":false,"errors":[{"code":10000,"message":"busy"}]}""") : Answer(context, 200, "stored value"));
        using var backend = new CloudflareKvBackend(Options(server.BaseAddress), NullLogger<CloudflareKvBackend>.Instance);

        var value = await backend.GetAsync("repo:octo/a", CancellationToken.None);

        value.ShouldBe("stored value");
        server.Requests.ShouldBe(3);
        server.Paths[0].ShouldBe("/client/v4/accounts/account/storage/kv/namespaces/namespace/values/repo%3Aocto%2Fa");
    }

    [Fact]
    public async Task Write_fails_after_the_last_retry()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => Answer(context, 503, "upstream down"));
        using var backend = new CloudflareKvBackend(Options(server.BaseAddress, maxRetries: 2), NullLogger<CloudflareKvBackend>.Instance);

        var error = await Should.ThrowAsync<CacheBackendException>(() => backend.PutAsync("repo:octo/a", "{}", CancellationToken.None));

        error.Message.ShouldContain("503");
        server.Requests.ShouldBe(3);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    public async Task Client_error_is_not_retried(int status)
    {
        await using var server = await ScriptedServer.StartAsync((context, _) =>
            Answer(context, status, """{"success":false,"errors":[{"code":10001,"message":"nope"}]}"""));
        using var backend = new CloudflareKvBackend(Options(server.BaseAddress), NullLogger<CloudflareKvBackend>.Instance);

        var error = await Should.ThrowAsync<CacheBackendException>(() => backend.PutAsync("repo:octo/a", "{}", CancellationToken.None));

        error.Message.ShouldContain("nope");
        server.Requests.ShouldBe(1);
    }

    [Fact]
    public async Task Retry_after_header_is_honoured()
    {
        await using var server = await ScriptedServer.StartAsync((context, attempt) =>
        {
            if (attempt == 1)
            {
                context.Response.Headers.RetryAfter = "0";
                return Answer(context, 429, "slow down");
            }

            return Answer(context, 200, """{"success":true,"errors":[],"messages":[],"result":null}""");
        });
        using var backend = new CloudflareKvBackend(Options(server.BaseAddress) with { RetryBaseDelay = TimeSpan.FromHours(1) }, NullLogger<CloudflareKvBackend>.Instance);

        await backend.DeleteAsync("repo:octo/a", CancellationToken.None);

        server.Requests.ShouldBe(2);
    }

    [Fact]
    public async Task Unreachable_api_is_a_backend_failure()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var backend = new CloudflareKvBackend(Options(new Uri($"http://127.0.0.1:{port}/"), maxRetries: 1), NullLogger<CloudflareKvBackend>.Instance);

        var error = await Should.ThrowAsync<CacheBackendException>(() => backend.GetAsync("repo:octo/a", CancellationToken.None));

        error.Message.ShouldContain("could not be reached");
    }

    [Fact]
    public async Task Token_is_sent_as_bearer()
    {
        string? authorization = null;
        await using var server = await ScriptedServer.StartAsync((context, _) =>
        {
            authorization = context.Request.Headers.Authorization;
            return Answer(context, 200, "v");
        });
        using var backend = new CloudflareKvBackend(Options(server.BaseAddress), NullLogger<CloudflareKvBackend>.Instance);

        await backend.GetAsync("k", CancellationToken.None);

        authorization.ShouldBe("Bearer token");
    }
}
