namespace RepoCache.Proxy.Hosting;

/// <summary>Which KV store contains the cache entries.</summary>
public enum KvBackendKind
{
    /// <summary>The in-process KV emulator on a LiteDB file or in memory.</summary>
    Embedded,

    /// <summary>A real Cloudflare Workers KV namespace, reached over the REST API v4.</summary>
    Cloudflare,
}
