namespace RepoCache.Proxy.Caching;

/// <summary>
/// Serialises read-check-write sequences on the same key inside this process, using a fixed set of striped locks.
/// </summary>
internal sealed class KeyLocks
{
    private const int StripeCount = 64;

    private readonly SemaphoreSlim[] _stripes = Enumerable.Range(0, StripeCount).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    /// <summary>Waits for the key's stripe and returns a handle that releases it.</summary>
    public async Task<IDisposable> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        var stripe = _stripes[(uint)StringComparer.Ordinal.GetHashCode(key) % StripeCount];
        await stripe.WaitAsync(cancellationToken);
        return new Release(stripe);
    }

    private sealed class Release(SemaphoreSlim stripe) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                stripe.Release();
            }
        }
    }
}
