namespace RepoCache.Kv.Semantics;

/// <summary>
/// Production's limit of one write per second to the same key: a second put within one second of clock time fails with 429.
/// </summary>
internal sealed class WriteRateGuard(TimeProvider clock)
{
    private const long WindowMilliseconds = 1000;

    // Past this many remembered keys, writes older than the window are dropped before a new one is added.
    private const int PruneThreshold = 10_000;

    private readonly Lock gate = new();
    private readonly Dictionary<(string NamespaceId, string Key), long> lastWrites = [];

    /// <summary>Records a put to <paramref name="key"/>, or throws a 429 <see cref="KvException"/> when the previous one was under a second ago.</summary>
    public void Admit(string namespaceId, string key)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();

        lock (gate)
        {
            if (lastWrites.TryGetValue((namespaceId, key), out var last) && now - last < WindowMilliseconds)
            {
                throw new KvException(429, KvErrorCodes.TooManyRequests, $"KV {KvOperations.Put} failed: 429 Too Many Requests");
            }

            if (lastWrites.Count >= PruneThreshold)
            {
                foreach (var old in lastWrites.Where(pair => now - pair.Value >= WindowMilliseconds).Select(pair => pair.Key).ToList())
                {
                    lastWrites.Remove(old);
                }
            }

            lastWrites[(namespaceId, key)] = now;
        }
    }

    /// <summary>Forgets every write of a namespace.</summary>
    public void ForgetNamespace(string namespaceId)
    {
        lock (gate)
        {
            foreach (var key in lastWrites.Keys.Where(key => key.NamespaceId == namespaceId).ToList())
            {
                lastWrites.Remove(key);
            }
        }
    }
}
