using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace RepoCache.Ingest.Tests.Support;

/// <summary>
/// A WireMock.Net server on 127.0.0.1 that plays GitHub: <c>GET /repos/{owner}/{repo}/tarball</c> redirects to a
/// codeload-like path that returns the gzip tarball, and its request log counts what was downloaded.
/// </summary>
public sealed class GitHubStandIn : IDisposable
{
    private readonly WireMockServer _server;
    private readonly int _port = FreePort.Next();

    public GitHubStandIn()
    {
        _server = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{_port}"] });
    }

    // WireMock reports its address as localhost; the literal loopback address keeps every request on 127.0.0.1.
    public string Url => $"http://127.0.0.1:{_port}";

    public void AddRepository(string owner, string name, byte[] tarball)
    {
        var archivePath = $"/codeload/{owner}/{name}/legacy.tar.gz/0123abc";
        _server.Given(Request.Create().WithPath(TarballPath(owner, name)).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", Url + archivePath));
        _server.Given(Request.Create().WithPath(archivePath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/x-gzip").WithBody(tarball));
    }

    public void AddRepository(string owner, string name) =>
        AddRepository(owner, name, new Tarball($"{owner}-{name}-0123abc").File("README.md", $"# {owner}/{name}\n").ToGzipBytes());

    public void FailRepository(string owner, string name, int status) =>
        _server.Given(Request.Create().WithPath(TarballPath(owner, name)).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(status).WithBody("""{"message":"Not Found"}"""));

    /// <summary>Holds every tarball request of one repository for <paramref name="delay"/> before responding with 503.</summary>
    public void SlowRepository(string owner, string name, TimeSpan delay) =>
        _server.Given(Request.Create().WithPath(TarballPath(owner, name)).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(503).WithDelay(delay));

    /// <summary>Responds to the first tarball request with 429 and <c>Retry-After</c>, and to later ones normally.</summary>
    public void RateLimitOnce(string owner, string name, int retryAfterSeconds, byte[] tarball)
    {
        var archivePath = $"/codeload/{owner}/{name}/legacy.tar.gz/0123abc";
        _server.Given(Request.Create().WithPath(TarballPath(owner, name)).UsingGet())
            .InScenario($"rate-limit-{owner}-{name}")
            .WillSetStateTo("limited-once")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", retryAfterSeconds.ToString()));
        _server.Given(Request.Create().WithPath(TarballPath(owner, name)).UsingGet())
            .InScenario($"rate-limit-{owner}-{name}")
            .WhenStateIs("limited-once")
            .RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", Url + archivePath));
        _server.Given(Request.Create().WithPath(archivePath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(tarball));
    }

    /// <summary>Number of tarball API requests the stand-in received for one repository.</summary>
    public int TarballRequests(string owner, string name) =>
        _server.LogEntries.Count(entry => entry.RequestMessage!.Path == TarballPath(owner, name));

    /// <summary>Number of tarball API requests for any repository.</summary>
    public int AllTarballRequests() =>
        _server.LogEntries.Count(entry => entry.RequestMessage!.Path.EndsWith("/tarball", StringComparison.Ordinal));

    /// <summary>Request headers of every request to <paramref name="pathPrefix"/>.</summary>
    public IReadOnlyList<IDictionary<string, WireMock.Types.WireMockList<string>>> HeadersOf(string pathPrefix) =>
        _server.LogEntries
            .Where(entry => entry.RequestMessage!.Path.StartsWith(pathPrefix, StringComparison.Ordinal))
            .Select(entry => entry.RequestMessage!.Headers ?? new Dictionary<string, WireMock.Types.WireMockList<string>>())
            .ToList();

    public void Dispose() => _server.Stop();

    private static string TarballPath(string owner, string name) => $"/repos/{owner}/{name}/tarball";
}
