using RepoCache.Kv.Stores;

namespace RepoCache.Kv.Semantics;

/// <summary>
/// The optional production behaviours, stale reads and 429 on rapid writes; each does nothing when switched off.
/// </summary>
internal sealed class KvRealism(TimeProvider clock, int staleReadSeconds, bool rejectRapidWrites)
{
    private readonly StaleReadCache? staleReads = staleReadSeconds > 0 ? new StaleReadCache(clock, staleReadSeconds) : null;
    private readonly WriteRateGuard? writeRate = rejectRapidWrites ? new WriteRateGuard(clock) : null;

    /// <summary>Reads through the stale-read cache when it is on, otherwise straight from <paramref name="readStore"/>.</summary>
    public StoredEntry? Read(string namespaceId, string key, Func<StoredEntry?> readStore) =>
        staleReads is null ? readStore() : staleReads.Read(namespaceId, key, readStore);

    /// <summary>Throws 429 for a second put to the same key within one second when that switch is on.</summary>
    public void AdmitWrite(string namespaceId, string key) => writeRate?.Admit(namespaceId, key);

    /// <summary>Forgets cached reads and write times of a deleted namespace.</summary>
    public void ForgetNamespace(string namespaceId)
    {
        staleReads?.ForgetNamespace(namespaceId);
        writeRate?.ForgetNamespace(namespaceId);
    }
}
