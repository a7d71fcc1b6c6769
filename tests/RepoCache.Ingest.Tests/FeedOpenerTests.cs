using Microsoft.Extensions.Logging.Abstractions;
using RepoCache.Ingest.Feed;
using RepoCache.Ingest.Http;
using RepoCache.Ingest.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace RepoCache.Ingest.Tests;

public sealed class FeedOpenerTests : IDisposable
{
    private readonly int _port = FreePort.Next();
    private readonly WireMockServer _server;
    private readonly HttpClient _http = new();
    private readonly TempFolder _temp = new();

    public FeedOpenerTests() => _server = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{_port}"] });

    public void Dispose()
    {
        _http.Dispose();
        _server.Stop();
        _temp.Dispose();
    }

    private FeedOpener Opener() =>
        new(_http, RetryPipelineFactory.Create(new RetrySettings(1, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(1)), TimeProvider.System, NullLogger.Instance, "feed download"));

    [Fact]
    public async Task Feed_is_read_from_url()
    {
        _server.Given(Request.Create().WithPath("/feed.json").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""[{"owner": "acme", "name": "alpha", "pushedAt": null}]"""));

        var result = await Opener().LoadAsync($"http://127.0.0.1:{_port}/feed.json", null, CancellationToken.None);

        result.Rows.ShouldHaveSingleItem().Name.ShouldBe("alpha");
    }

    [Fact]
    public async Task Url_answering_404_raises_FeedException()
    {
        _server.Given(Request.Create().WithPath("/missing.json").UsingGet()).RespondWith(Response.Create().WithStatusCode(404));

        var exception = await Should.ThrowAsync<FeedException>(() => Opener().LoadAsync($"http://127.0.0.1:{_port}/missing.json", null, CancellationToken.None));

        exception.Message.ShouldContain("returned HTTP 404");
    }

    [Fact]
    public async Task Feed_is_read_from_file()
    {
        var path = _temp.WriteFile("feed.json", """[{"owner": "acme", "name": "alpha"}]""");

        var result = await Opener().LoadAsync(path, null, CancellationToken.None);

        result.Rows.ShouldHaveSingleItem().Owner.ShouldBe("acme");
    }

    [Fact]
    public async Task Unsupported_scheme_raises_FeedException()
    {
        var exception = await Should.ThrowAsync<FeedException>(() => Opener().LoadAsync("ftp://127.0.0.1/feed.json", null, CancellationToken.None));

        exception.Message.ShouldContain("scheme 'ftp'");
    }

    [Theory]
    [InlineData("https://user:secret@example.org/feed.json", "https://***@example.org/feed.json")]
    [InlineData("https://example.org/feed.json", "https://example.org/feed.json")]
    [InlineData("fixtures/repos.json", "fixtures/repos.json")]
    public void Location_is_redacted_for_logs(string location, string expected)
    {
        FeedLocation.Redact(location).ShouldBe(expected);
    }

    [Fact]
    public async Task Error_message_hides_url_credentials()
    {
        _server.Given(Request.Create().WithPath("/private.json").UsingGet()).RespondWith(Response.Create().WithStatusCode(401));

        var exception = await Should.ThrowAsync<FeedException>(() => Opener().LoadAsync($"http://reader:secret@127.0.0.1:{_port}/private.json", null, CancellationToken.None));

        exception.Message.ShouldNotContain("secret");
        exception.Message.ShouldContain("returned HTTP 401");
    }
}
