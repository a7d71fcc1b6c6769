using System.Text.Json;
using RepoCache.Proxy.Contract;
using RepoCache.Proxy.Hosting;

namespace RepoCache.Ingest.Tests.Support;

/// <summary>A real cache proxy on an ephemeral 127.0.0.1 port over a LiteDB file in a temp folder.</summary>
public sealed class ProxyFixture : IAsyncDisposable
{
    private ProxyFixture(RunningCacheProxy proxy) => Proxy = proxy;

    public RunningCacheProxy Proxy { get; }

    public string Url => Proxy.BaseAddress.AbsoluteUri;

    public static async Task<ProxyFixture> StartAsync(string databasePath) =>
        new(await CacheProxyServer.StartAsync(new CacheProxyOptions { Port = 0, DatabasePath = databasePath }, CancellationToken.None));

    /// <summary>Reads the stored entry straight from the proxy's KV backend, or null.</summary>
    public async Task<CacheEntry?> EntryAsync(string owner, string name)
    {
        var json = await Proxy.Backend.GetAsync(RepositoryName.CacheKey(owner, name), CancellationToken.None);
        return json is null ? null : JsonSerializer.Deserialize<CacheEntry>(json);
    }

    public ValueTask DisposeAsync() => Proxy.DisposeAsync();
}
