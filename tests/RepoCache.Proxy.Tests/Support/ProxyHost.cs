using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using RepoCache.Proxy.Contract;
using RepoCache.Proxy.Hosting;

namespace RepoCache.Proxy.Tests.Support;

/// <summary>A real proxy on a loopback ephemeral port over a LiteDB file in a temp folder, with a client for it.</summary>
public sealed class ProxyHost : IAsyncDisposable
{
    private readonly TempFolder? _ownedFolder;

    private ProxyHost(RunningCacheProxy proxy, HttpClient client, FakeTimeProvider clock, TempFolder? ownedFolder)
    {
        Proxy = proxy;
        Client = client;
        Clock = clock;
        _ownedFolder = ownedFolder;
    }

    /// <summary>2026-03-01T12:00:00Z, the fake clock's start.</summary>
    public static DateTimeOffset Start { get; } = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public RunningCacheProxy Proxy { get; }

    public HttpClient Client { get; }

    public FakeTimeProvider Clock { get; }

    public static async Task<ProxyHost> StartAsync(Func<CacheProxyOptions, CacheProxyOptions>? configure = null, TempFolder? folder = null, FakeTimeProvider? clock = null)
    {
        var ownedFolder = folder is null ? new TempFolder() : null;
        var databasePath = (folder ?? ownedFolder)!.File("kv.db");
        clock ??= new FakeTimeProvider(Start);

        var options = new CacheProxyOptions { Port = 0, DatabasePath = databasePath, TimeProvider = clock };
        options = configure?.Invoke(options) ?? options;

        var proxy = await CacheProxyServer.StartAsync(options, CancellationToken.None);
        var client = new HttpClient { BaseAddress = proxy.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        return new ProxyHost(proxy, client, clock, ownedFolder);
    }

    public Task<HttpResponseMessage> PutAsync(string owner, string name, string json) =>
        Client.PutAsync($"cache/{owner}/{name}", new StringContent(json, Encoding.UTF8, "application/json"));

    public Task<HttpResponseMessage> PutCompleteAsync(string owner, string name, string? pushedAt, string? processor = null) =>
        Client.PutAsJsonAsync($"cache/{owner}/{name}", new { pushedAt, status = "complete", processor });

    public Task<HttpResponseMessage> GetAsync(string owner, string name, string pushedAt, string? processor = null) =>
        Client.GetAsync($"cache/{owner}/{name}?pushedAt={Uri.EscapeDataString(pushedAt)}" + (processor is null ? "" : $"&processor={Uri.EscapeDataString(processor)}"));

    public async Task<CacheStatsResponse> StatsAsync()
    {
        var stats = await Client.GetFromJsonAsync<CacheStatsResponse>("cache/stats");
        return stats.ShouldNotBeNull();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Proxy.DisposeAsync();
        _ownedFolder?.Dispose();
    }
}
