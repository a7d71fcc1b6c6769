using System.Net;

namespace RepoCache.Proxy.Hosting;

/// <summary>Resolves the configured host to the IP address Kestrel binds, without DNS lookups.</summary>
internal static class ListenAddress
{
    /// <summary>Parses an IP address or <c>localhost</c>, and rejects a non-loopback address when no token is set.</summary>
    public static IPAddress Resolve(string host, string? token)
    {
        IPAddress address;
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            address = IPAddress.Loopback;
        }
        else if (!IPAddress.TryParse(host.Trim('[', ']'), out address!))
        {
            throw new CacheProxyConfigurationException(
                $"Host '{host}' is not an IP address; use 127.0.0.1, ::1, localhost, or an interface address such as 0.0.0.0.");
        }

        if (!IPAddress.IsLoopback(address) && string.IsNullOrEmpty(token))
        {
            throw new CacheProxyConfigurationException(
                $"Listening on {address} requires a token, because anyone who can reach that address could read and change the cache. Set a token (--token or REPOCACHE_TOKEN) or listen on 127.0.0.1.");
        }

        return address;
    }
}
