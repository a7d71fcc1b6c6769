using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace RepoCache.Ingest.Tests.Support;

/// <summary>A WireMock.Net server on 127.0.0.1 that plays a misbehaving cache proxy, for failure paths a real proxy cannot show.</summary>
public sealed class ProxyStandIn : IDisposable
{
    private readonly int _port = FreePort.Next();
    private readonly WireMockServer _server;

    public ProxyStandIn() => _server = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{_port}"] });

    public string Url => $"http://127.0.0.1:{_port}/";

    /// <summary>Responds to every batch check with one absent miss per repository named in <paramref name="repositories"/>.</summary>
    public void CheckReturnsAbsent(params (string Owner, string Name)[] repositories)
    {
        var results = string.Join(",", repositories.Select(r => $$"""{"owner":"{{r.Owner}}","name":"{{r.Name}}","hit":false,"reason":"absent"}"""));
        _server.Given(Request.Create().WithPath("/cache/check").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody($$"""{"results":[{{results}}]}"""));
    }

    public void CheckReturns(int status) =>
        _server.Given(Request.Create().WithPath("/cache/check").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(status).WithBody("""{"title":"store unavailable"}"""));

    public void WritesReturn(int status) =>
        _server.Given(Request.Create().WithPath("/cache/*").UsingPut())
            .RespondWith(Response.Create().WithStatusCode(status).WithBody("""{"title":"store unavailable"}"""));

    public int Requests(string method, string pathPrefix) =>
        _server.LogEntries.Count(entry => entry.RequestMessage!.Method == method && entry.RequestMessage.Path.StartsWith(pathPrefix, StringComparison.Ordinal));

    public void Dispose() => _server.Stop();
}
