using Microsoft.Extensions.Logging;
using RepoCache.Ingest.Http;
using RepoCache.Ingest.Source;
using RepoCache.Ingest.Tests.Support;

namespace RepoCache.Ingest.Tests;

public sealed class GitHubArchiveSourceTests : IDisposable
{
    private static readonly RetrySettings FastRetries = new(2, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(5));

    private readonly GitHubStandIn _gitHub = new();
    private readonly TempFolder _temp = new();
    private readonly HttpClient _http = new();
    private readonly ListLoggerFactory _logs = new();

    public void Dispose()
    {
        _http.Dispose();
        _gitHub.Dispose();
        _temp.Dispose();
    }

    private GitHubArchiveSource Source(string? token = null, long maxArchiveBytes = 1 << 20) => new(
        _http, new Uri(_gitHub.Url), token, maxArchiveBytes,
        RetryPipelineFactory.Create(FastRetries, TimeProvider.System, _logs.CreateLogger("retry"), "GitHub archive download"),
        _logs.CreateLogger<GitHubArchiveSource>());

    [Fact]
    public async Task Download_follows_redirect_to_archive()
    {
        var tarball = new Tarball("acme-tools-0123abc").File("a.txt", "a").ToGzipBytes();
        _gitHub.AddRepository("acme", "tools", tarball);
        var target = _temp.Combine("archive");

        var bytes = await Source().DownloadAsync("acme", "tools", target, CancellationToken.None);

        bytes.ShouldBe(tarball.Length);
        File.ReadAllBytes(target).ShouldBe(tarball);
        _gitHub.TarballRequests("acme", "tools").ShouldBe(1);
    }

    [Fact]
    public async Task Token_skips_redirect_target()
    {
        _gitHub.AddRepository("acme", "private-tools");

        await Source(token: "test-token-123").DownloadAsync("acme", "private-tools", _temp.Combine("archive"), CancellationToken.None);

        var apiHeaders = _gitHub.HeadersOf("/repos/").ShouldHaveSingleItem();
        apiHeaders["Authorization"].ShouldBe(["Bearer test-token-123"]);
        apiHeaders["X-GitHub-Api-Version"].ShouldBe([GitHubArchiveSource.ApiVersion]);
        _gitHub.HeadersOf("/codeload/").ShouldHaveSingleItem().ContainsKey("Authorization").ShouldBeFalse();
    }

    [Fact]
    public async Task Rate_limit_with_retry_after_is_waited_out()
    {
        var tarball = new Tarball("acme-busy-0123abc").File("a.txt", "a").ToGzipBytes();
        _gitHub.RateLimitOnce("acme", "busy", retryAfterSeconds: 1, tarball);

        var bytes = await Source().DownloadAsync("acme", "busy", _temp.Combine("archive"), CancellationToken.None);

        bytes.ShouldBe(tarball.Length);
        _gitHub.TarballRequests("acme", "busy").ShouldBe(2);
        _logs.Messages.ShouldContain(message => message.Contains("after HTTP 429") && message.Contains("waiting 1000 ms"));
    }

    [Fact]
    public async Task Not_found_fails_without_retries()
    {
        _gitHub.FailRepository("acme", "gone", 404);

        var exception = await Should.ThrowAsync<ArchiveDownloadException>(
            () => Source().DownloadAsync("acme", "gone", _temp.Combine("archive"), CancellationToken.None));

        exception.Message.ShouldContain("GitHub returned 404 for acme/gone");
        _gitHub.TarballRequests("acme", "gone").ShouldBe(1);
    }

    [Fact]
    public async Task Server_error_is_retried_then_reported()
    {
        _gitHub.FailRepository("acme", "broken", 502);

        var exception = await Should.ThrowAsync<ArchiveDownloadException>(
            () => Source().DownloadAsync("acme", "broken", _temp.Combine("archive"), CancellationToken.None));

        exception.Message.ShouldContain("HTTP 502");
        _gitHub.TarballRequests("acme", "broken").ShouldBe(1 + FastRetries.MaxRetries);
    }

    [Fact]
    public async Task Archive_over_size_limit_is_rejected()
    {
        _gitHub.AddRepository("acme", "huge", new byte[4_096]);

        var exception = await Should.ThrowAsync<ArchiveDownloadException>(
            () => Source(maxArchiveBytes: 1_000).DownloadAsync("acme", "huge", _temp.Combine("archive"), CancellationToken.None));

        exception.Message.ShouldContain("over the limit of 1000 bytes");
    }

    [Fact]
    public async Task Closed_port_fails_after_retries()
    {
        var closed = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var source = new GitHubArchiveSource(
            _http, closed, null, 1 << 20,
            RetryPipelineFactory.Create(FastRetries, TimeProvider.System, _logs.CreateLogger("retry"), "GitHub archive download"),
            _logs.CreateLogger<GitHubArchiveSource>());

        var exception = await Should.ThrowAsync<ArchiveDownloadException>(
            () => source.DownloadAsync("acme", "tools", _temp.Combine("archive"), CancellationToken.None));

        exception.Message.ShouldContain("failed after retries");
        _logs.Messages.Count(message => message.StartsWith("Retrying GitHub archive download")).ShouldBe(FastRetries.MaxRetries);
    }
}
