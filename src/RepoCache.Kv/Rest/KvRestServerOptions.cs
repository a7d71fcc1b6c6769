using Microsoft.Extensions.Logging;

namespace RepoCache.Kv.Rest;

/// <summary>
/// Settings of a standalone <see cref="KvRestServer"/>.
/// </summary>
/// <param name="Host">IP address to listen on, or <c>localhost</c>; anything but loopback requires a <paramref name="Token"/>.</param>
/// <param name="Port">TCP port; 0 picks a free ephemeral port, readable afterwards from <see cref="KvRestServer.BaseAddress"/>.</param>
/// <param name="Token">API token required as <c>Authorization: Bearer &lt;token&gt;</c>; null accepts every request.</param>
/// <param name="CreateNamespacesOnFirstUse">Whether key requests to an unknown, well-formed namespace id create that namespace.</param>
/// <param name="LoggerFactory">Destination of the server's logs; null sends them nowhere.</param>
public sealed record KvRestServerOptions(
    string Host = "127.0.0.1",
    int Port = 0,
    string? Token = null,
    bool CreateNamespacesOnFirstUse = false,
    ILoggerFactory? LoggerFactory = null);
