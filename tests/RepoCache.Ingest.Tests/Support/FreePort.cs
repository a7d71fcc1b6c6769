using System.Net;
using System.Net.Sockets;

namespace RepoCache.Ingest.Tests.Support;

/// <summary>Loopback ports for servers that need one before they start, and ports known to refuse connections.</summary>
public static class FreePort
{
    /// <summary>Returns a port that was free on 127.0.0.1 a moment ago; nothing listens on it afterwards.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
