using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RepoCache.Kv;
using RepoCache.Proxy.Backends;
using RepoCache.Proxy.Backends.Cloudflare;
using RepoCache.Proxy.Caching;
using RepoCache.Proxy.Http;
using RepoCache.Proxy.Stats;

namespace RepoCache.Proxy.Hosting;

/// <summary>Starts the cache proxy on Kestrel, in front of the embedded KV emulator or Cloudflare KV.</summary>
public static partial class CacheProxyServer
{
    private const string CacheNamespaceTitle = "repocache cache entries";

    private const string StatsNamespaceTitle = "repocache proxy stats";

    /// <summary>Opens the stores, starts listening and returns once the proxy accepts requests.</summary>
    /// <exception cref="CacheProxyConfigurationException">The options name an unsafe or incomplete setup.</exception>
    public static async Task<RunningCacheProxy> StartAsync(CacheProxyOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var address = ValidateListen(options);

        var timeProvider = options.TimeProvider ?? TimeProvider.System;
        var loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var logger = loggerFactory.CreateLogger(typeof(CacheProxyServer));

        var emulator = options.Emulator ?? OpenEmulator(options, timeProvider, loggerFactory);
        var ownsEmulator = options.Emulator is null;
        IDisposable? ownedBackend = null;
        WebApplication? app = null;

        try
        {
            var backend = options.BackendOverride ?? CreateBackend(options, emulator, loggerFactory);
            if (options.BackendOverride is null && backend is IDisposable disposable)
            {
                ownedBackend = disposable;
            }

            var statsNamespace = emulator.GetNamespace(emulator.GetOrCreateNamespace(CacheProxyOptions.StatsNamespaceId, StatsNamespaceTitle).Id);
            var statsStore = new StatsStore(statsNamespace, loggerFactory.CreateLogger<StatsStore>());
            var stats = new ProxyStats(timeProvider, await statsStore.LoadAsync(cancellationToken));

            app = Build(options, address, backend, stats, statsStore, timeProvider, loggerFactory);
            await app.StartAsync(cancellationToken);

            var baseAddress = ReadBaseAddress(app, address, options.Port);
            LogStarted(logger, baseAddress, backend.Kind, backend.Location, options.Token is not null);
            return new RunningCacheProxy(app, baseAddress, emulator, ownsEmulator, backend, ownedBackend);
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            ownedBackend?.Dispose();
            if (ownsEmulator)
            {
                emulator.Dispose();
            }

            throw;
        }
    }

    private static System.Net.IPAddress ValidateListen(CacheProxyOptions options)
    {
        if (options.Port is < 0 or > 65535)
        {
            throw new CacheProxyConfigurationException($"Port {options.Port} is outside 0-65535; use 0 for any free port.");
        }

        if (options.Token is not null && string.IsNullOrWhiteSpace(options.Token))
        {
            throw new CacheProxyConfigurationException("Token is blank; pass a non-empty token or none at all.");
        }

        return ListenAddress.Resolve(options.Host, options.Token);
    }

    private static KvEmulator OpenEmulator(CacheProxyOptions options, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        if (options.DatabasePath != KvEmulatorOptions.InMemory)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(options.DatabasePath));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        return KvEmulator.Open(new KvEmulatorOptions(options.DatabasePath, timeProvider, LoggerFactory: loggerFactory));
    }

    private static ICacheBackend CreateBackend(CacheProxyOptions options, KvEmulator emulator, ILoggerFactory loggerFactory)
    {
        if (options.Backend == KvBackendKind.Cloudflare)
        {
            return new CloudflareKvBackend(options.Cloudflare.WithEnvironmentDefaults(), loggerFactory.CreateLogger<CloudflareKvBackend>());
        }

        var info = emulator.GetOrCreateNamespace(CacheProxyOptions.CacheNamespaceId, CacheNamespaceTitle);
        var location = emulator.Options.DatabasePath == KvEmulatorOptions.InMemory
            ? $"in-memory emulator, namespace {info.Id}"
            : $"{Path.GetFullPath(emulator.Options.DatabasePath)}, namespace {info.Id}";
        return new KvNamespaceBackend(emulator.GetNamespace(info.Id), location);
    }

    private static WebApplication Build(
        CacheProxyOptions options,
        System.Net.IPAddress address,
        ICacheBackend backend,
        ProxyStats stats,
        StatsStore statsStore,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(CacheProxyServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
            Args = [],
        });

        // Kestrel also takes endpoints from configuration (Kestrel__Endpoints__* variables, appsettings.json beside the
        // program) and from URLS or HTTP_PORTS when preferHostingUrls is true. Any of these would add or replace the
        // listener below and bypass the loopback rule, so the options are the only settings the proxy takes.
        // The builder read URLS and HTTP_PORTS from the environment before this point, so clearing the sources does
        // not drop them. An explicit preferHostingUrls=false makes Kestrel ignore them in favour of the Listen call.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection([new(WebHostDefaults.PreferHostingUrlsKey, "false")]);

        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(10));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(address, options.Port);
        });

        builder.Services.AddSingleton(timeProvider);
        builder.Services.AddSingleton(backend);
        builder.Services.AddSingleton(stats);
        builder.Services.AddSingleton(statsStore);
        builder.Services.AddSingleton<EntryCounter>();
        builder.Services.AddSingleton<CacheService>();
        builder.Services.AddHostedService<StatsFlushService>();

        var app = builder.Build();
        ProxyPipeline.Configure(app, options.Token);
        return app;
    }

    private static Uri ReadBaseAddress(WebApplication app, System.Net.IPAddress address, int port)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        if (addresses is null || addresses.Count == 0)
        {
            throw new InvalidOperationException("Kestrel started without reporting an address.");
        }

        // The proxy binds one endpoint, so any other endpoint came from outside the options and could bypass the loopback rule.
        var bound = addresses.Select(text => new Uri(text.EndsWith('/') ? text : text + "/")).ToList();
        if (bound.Count > 1 || !IsRequested(bound[0], address, port))
        {
            throw new CacheProxyConfigurationException(
                $"Kestrel listens on {string.Join(", ", addresses)}, but the options name {address} on {(port == 0 ? "any free port" : $"port {port}")} only. Remove the Kestrel endpoint and URL settings from the environment and from appsettings files.");
        }

        return bound[0];
    }

    private static bool IsRequested(Uri bound, System.Net.IPAddress address, int port) =>
        System.Net.IPAddress.TryParse(bound.Host.Trim('[', ']'), out var boundAddress)
        && boundAddress.Equals(address)
        && (port == 0 || bound.Port == port);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cache proxy listening on {BaseAddress} with the {Backend} backend ({Location}); token required: {TokenRequired}")]
    private static partial void LogStarted(ILogger logger, Uri baseAddress, string backend, string location, bool tokenRequired);
}
