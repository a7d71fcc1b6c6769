using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace RepoCache.Kv.Rest;

/// <summary>
/// A Kestrel server that serves only the Workers KV REST API v4 from one <see cref="KvEmulator"/>.
/// Disposing it stops the server; the emulator stays open and belongs to the caller.
/// </summary>
public sealed class KvRestServer : IAsyncDisposable
{
    private readonly WebApplication _application;

    private KvRestServer(WebApplication application, Uri baseAddress)
    {
        _application = application;
        BaseAddress = baseAddress;
    }

    /// <summary>Root address of the server, such as <c>http://127.0.0.1:54321/</c>; API paths start with <c>client/v4/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>
    /// Starts listening and returns once the port is bound.
    /// </summary>
    /// <exception cref="ArgumentException">The host is not an IP address or <c>localhost</c>, or it is not loopback and no token is set.</exception>
    public static async Task<KvRestServer> StartAsync(KvEmulator emulator, KvRestServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        options ??= new KvRestServerOptions();

        var address = ResolveListenAddress(options);
        if (options.Port is < 0 or > IPEndPoint.MaxPort)
        {
            throw new ArgumentException($"Port {options.Port} is out of range; use 0 for an ephemeral port or 1-{IPEndPoint.MaxPort}.");
        }

        var builder = WebApplication.CreateSlimBuilder();

        // Drop appsettings.json and environment variables: a Kestrel:Endpoints entry there would add listeners beside
        // the one below, bypassing the loopback check.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(options.LoggerFactory ?? NullLoggerFactory.Instance);

        // The default console lifetime would stop the server on SIGTERM behind the embedding program's back.
        builder.Services.AddSingleton<IHostLifetime, PassiveHostLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(address, options.Port);
        });

        var application = builder.Build();
        var dispatcher = KvRestApi.CreateDispatcher(
            application.Services,
            emulator,
            new KvRestOptions(options.Token, options.CreateNamespacesOnFirstUse));

        // No routing middleware: every request goes to the dispatcher, which parses the raw target itself.
        application.Run(dispatcher.HandleAsync);

        try
        {
            await application.StartAsync(cancellationToken);
        }
        catch
        {
            await application.DisposeAsync();
            throw;
        }

        var addresses = application.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("Kestrel started without reporting its bound addresses.");
        var boundPort = new Uri(addresses.Addresses.First()).Port;
        var baseAddress = new UriBuilder(Uri.UriSchemeHttp, FormatHost(DialableAddress(address)), boundPort, "/").Uri;

        return new KvRestServer(application, baseAddress);
    }

    /// <summary>Stops accepting requests and waits for those in flight.</summary>
    public async ValueTask DisposeAsync()
    {
        await _application.StopAsync();
        await _application.DisposeAsync();
    }

    private static IPAddress ResolveListenAddress(KvRestServerOptions options)
    {
        IPAddress address;
        if (string.Equals(options.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            address = IPAddress.Loopback;
        }
        else if (!IPAddress.TryParse(options.Host, out address!))
        {
            throw new ArgumentException($"Host '{options.Host}' is not an IP address; use 127.0.0.1, ::1, localhost or another IP address.");
        }

        if (!IPAddress.IsLoopback(address) && string.IsNullOrEmpty(options.Token))
        {
            throw new ArgumentException(
                $"Host '{options.Host}' is not a loopback address, and no token is set. Set a token so that other machines must authenticate, or listen on 127.0.0.1.");
        }

        return address;
    }

    // A wildcard listener accepts loopback connections, and clients cannot dial 0.0.0.0 or :: portably.
    private static IPAddress DialableAddress(IPAddress address) =>
        address.Equals(IPAddress.Any) ? IPAddress.Loopback
        : address.Equals(IPAddress.IPv6Any) ? IPAddress.IPv6Loopback
        : address;

    private static string FormatHost(IPAddress address) =>
        address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
}
