using RepoCache.Kv;

namespace RepoCache.Cli.Bench;

/// <summary>Drives an <see cref="IKvNamespace"/> binding directly, the way a Worker calls its KV binding.</summary>
internal sealed class InProcessKvTarget(IKvNamespace kvNamespace) : IKvBenchTarget
{
    public Task PutAsync(string key, byte[] value) => kvNamespace.PutAsync(key, value);

    public async Task<byte[]?> GetAsync(string key)
    {
        var entry = await kvNamespace.GetWithMetadataAsync(key);
        return entry?.Value.ToArray();
    }

    public async Task<(int Keys, string? Cursor)> ListPageAsync(string? cursor)
    {
        var page = await kvNamespace.ListAsync(new KvListOptions(Limit: KvPhases.PageSize, Cursor: cursor));
        return (page.Keys.Count, page.ListComplete ? null : page.Cursor);
    }
}
