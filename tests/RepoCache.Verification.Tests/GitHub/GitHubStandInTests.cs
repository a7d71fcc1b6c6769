using System.Net;
using RepoCache.Verification.GitHub;

namespace RepoCache.Verification.Tests.GitHub;

public sealed class GitHubStandInTests : IDisposable
{
    private static readonly UpstreamRepository Scripts = new("BathnesDevelopment", "Scripts", new DateTimeOffset(2015, 2, 19, 22, 33, 33, TimeSpan.Zero));
    private static readonly UpstreamRepository Chimp = new("wmfs", "chimp", null);

    private readonly GitHubStandIn _standIn = GitHubStandIn.Start([Scripts, Chimp]);
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false });

    [Fact]
    public void Listens_on_loopback_only()
    {
        _standIn.BaseAddress.Host.ShouldBe("127.0.0.1");
        _standIn.BaseAddress.Port.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Tarball_redirects_to_generated_archive()
    {
        using var redirect = await _http.GetAsync(new Uri(_standIn.BaseAddress, "/repos/BathnesDevelopment/Scripts/tarball"));

        redirect.StatusCode.ShouldBe(HttpStatusCode.Found);
        var location = redirect.Headers.Location!;
        location.Host.ShouldBe("127.0.0.1");

        var bytes = await _http.GetByteArrayAsync(location);
        bytes.SequenceEqual(TarballBuilder.Build(Scripts)).ShouldBeTrue();
    }

    [Fact]
    public async Task Metadata_reports_pushed_at()
    {
        var json = await _http.GetStringAsync(new Uri(_standIn.BaseAddress, "/repos/BathnesDevelopment/Scripts"));

        json.ShouldContain("\"pushed_at\":\"2015-02-19T22:33:33Z\"");
        json.ShouldContain("\"full_name\":\"BathnesDevelopment/Scripts\"");
    }

    [Fact]
    public async Task Unknown_repository_returns_404()
    {
        using var response = await _http.GetAsync(new Uri(_standIn.BaseAddress, "/repos/nobody/nothing/tarball"));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Not Found");
    }

    [Fact]
    public async Task Request_log_counts_tarball_requests_per_repository()
    {
        await _http.GetAsync(new Uri(_standIn.BaseAddress, "/repos/BathnesDevelopment/Scripts/tarball"));
        await _http.GetAsync(new Uri(_standIn.BaseAddress, "/repos/BathnesDevelopment/Scripts/tarball"));
        await _http.GetAsync(new Uri(_standIn.BaseAddress, "/repos/wmfs/chimp/tarball"));
        await _http.GetAsync(new Uri(_standIn.BaseAddress, "/repos/wmfs/chimp"));
        await _http.GetAsync(new Uri(_standIn.BaseAddress, "/repos/nobody/nothing/tarball"));

        var counts = _standIn.CountTarballRequests();

        counts["bathnesdevelopment/scripts"].ShouldBe(2);
        counts["wmfs/chimp"].ShouldBe(1);
        counts["nobody/nothing"].ShouldBe(1);
        counts.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Cleared_log_counts_nothing()
    {
        await _http.GetAsync(new Uri(_standIn.BaseAddress, "/repos/wmfs/chimp/tarball"));

        _standIn.ClearRequestLog();

        _standIn.CountTarballRequests().ShouldBeEmpty();
    }

    [Fact]
    public async Task Publish_replaces_served_content()
    {
        var pushed = Chimp with { PushedAt = new DateTimeOffset(2022, 9, 2, 0, 0, 0, TimeSpan.Zero) };

        _standIn.Publish(pushed);
        using var redirect = await _http.GetAsync(new Uri(_standIn.BaseAddress, "/repos/wmfs/chimp/tarball"));
        var bytes = await _http.GetByteArrayAsync(redirect.Headers.Location!);

        bytes.SequenceEqual(TarballBuilder.Build(pushed)).ShouldBeTrue();
        bytes.SequenceEqual(TarballBuilder.Build(Chimp)).ShouldBeFalse();
        _standIn.Repositories["wmfs/chimp"].ShouldBe(pushed);
    }

    public void Dispose()
    {
        _http.Dispose();
        _standIn.Dispose();
    }
}
