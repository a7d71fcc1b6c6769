namespace RepoCache.Cli.Bench;

/// <summary>Creates the HTTP clients of the benchmark: keep-alive, no proxy, one connection per concurrent caller.</summary>
internal static class BenchHttp
{
    /// <summary>Creates a client for <paramref name="baseAddress"/>, which must be a loopback address.</summary>
    public static HttpClient CreateClient(Uri baseAddress, int maxConnections)
    {
        if (!baseAddress.IsLoopback)
        {
            throw new ArgumentException($"The benchmark sends traffic only to loopback addresses; '{baseAddress}' is not one.", nameof(baseAddress));
        }

        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            MaxConnectionsPerServer = maxConnections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        };
        return new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }
}
