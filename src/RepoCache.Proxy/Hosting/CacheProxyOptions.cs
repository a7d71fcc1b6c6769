using Microsoft.Extensions.Logging;
using RepoCache.Kv;
using RepoCache.Proxy.Backends;

namespace RepoCache.Proxy.Hosting;

/// <summary>Settings of one cache proxy: where it listens, who may call it, and which KV store it uses.</summary>
public sealed record CacheProxyOptions
{
    /// <summary>Port that <c>wrangler dev</c> and the original Python client use by default.</summary>
    public const int DefaultPort = 8787;

    /// <summary>Default LiteDB file of the embedded KV emulator, relative to the working folder.</summary>
    public const string DefaultDatabasePath = ".repocache/kv.db";

    /// <summary>Id of the emulator namespace that stores cache entries (hex of "repocache", then 1).</summary>
    public const string CacheNamespaceId = "7265706f636163686500000000000001";

    /// <summary>Id of the emulator namespace that stores the proxy's saved stats (hex of "repocache", then 2).</summary>
    public const string StatsNamespaceId = "7265706f636163686500000000000002";

    /// <summary>IP address or <c>localhost</c> to listen on. Anything but loopback requires <see cref="Token"/>.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>TCP port. 0 picks a free port, reported by <see cref="RunningCacheProxy.BaseAddress"/>.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>LiteDB file of the local KV emulator, or <c>:memory:</c>. It stores the stats for every backend.</summary>
    public string DatabasePath { get; init; } = DefaultDatabasePath;

    /// <summary>Bearer token every request must carry, or null for none (loopback only).</summary>
    public string? Token { get; init; }

    /// <summary>Which store contains the cache entries.</summary>
    public KvBackendKind Backend { get; init; } = KvBackendKind.Embedded;

    /// <summary>Account, namespace and token of the Cloudflare backend. Used when <see cref="Backend"/> is Cloudflare.</summary>
    public CloudflareKvOptions Cloudflare { get; init; } = new();

    /// <summary>An emulator the caller opened and keeps ownership of. When null the proxy opens <see cref="DatabasePath"/>.</summary>
    public KvEmulator? Emulator { get; init; }

    /// <summary>A backend that replaces the configured one, for tests of failure paths. The caller keeps ownership.</summary>
    public ICacheBackend? BackendOverride { get; init; }

    /// <summary>Clock for <c>processedAt</c>, stats windows and latency. Null means the system clock.</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>Source of loggers for the proxy and Kestrel. Null means no logging.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }
}
