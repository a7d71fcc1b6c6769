namespace RepoCache.Verification.Host;

/// <summary>
/// Reads entries through an external proxy's public API. The proxy returns an entry only on a hit, so a stale or
/// missing entry shows as a problem, and the entry count comes from <c>/cache/stats</c>.
/// </summary>
public sealed class ProxyEntryInspector(ProxyClient client, Uri proxyUrl) : IEntryInspector
{
    /// <inheritdoc/>
    public string Source => $"proxy {proxyUrl}";

    /// <inheritdoc/>
    public Task<EntryLookup> GetAsync(FeedRepository repository, CancellationToken cancellationToken) =>
        client.GetEntryAsync(repository, cancellationToken);

    /// <inheritdoc/>
    public async Task<(long? Count, string? Problem)> CountAsync(CancellationToken cancellationToken)
    {
        var (stats, problem) = await client.GetStatsAsync(cancellationToken);
        if (stats is null)
        {
            return (null, problem);
        }

        return stats.Entries is null ? (null, "the proxy's stats report no entry count") : (stats.Entries, null);
    }
}
