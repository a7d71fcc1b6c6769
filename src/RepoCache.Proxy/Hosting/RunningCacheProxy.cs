using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RepoCache.Kv;
using RepoCache.Proxy.Backends;
using RepoCache.Proxy.Stats;

namespace RepoCache.Proxy.Hosting;

/// <summary>A started cache proxy. Disposing it stops Kestrel, saves the stats and closes what the proxy opened.</summary>
public sealed partial class RunningCacheProxy : IAsyncDisposable
{
    private readonly WebApplication _app;

    private readonly bool _ownsEmulator;

    private readonly IDisposable? _ownedBackend;

    private int _disposed;

    internal RunningCacheProxy(WebApplication app, Uri baseAddress, KvEmulator emulator, bool ownsEmulator, ICacheBackend backend, IDisposable? ownedBackend)
    {
        _app = app;
        BaseAddress = baseAddress;
        Emulator = emulator;
        _ownsEmulator = ownsEmulator;
        Backend = backend;
        _ownedBackend = ownedBackend;
    }

    /// <summary>Address the proxy listens on, such as <c>http://127.0.0.1:8787/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The local KV emulator, which stores the stats and, with the embedded backend, the cache entries.</summary>
    public KvEmulator Emulator { get; }

    /// <summary>The store of cache entries.</summary>
    public ICacheBackend Backend { get; }

    /// <summary>The live counters behind <c>/cache/stats</c>.</summary>
    public ProxyStats Stats => _app.Services.GetRequiredService<ProxyStats>();

    /// <summary>Completes when the host is asked to stop (Ctrl+C, SIGTERM) or <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task WaitForShutdownAsync(CancellationToken cancellationToken)
    {
        var stopping = _app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        await using var onStopping = stopping.Register(() => completion.TrySetResult());
        await using var onCancelled = cancellationToken.Register(() => completion.TrySetResult());
        await completion.Task;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        var logger = _app.Services.GetRequiredService<ILoggerFactory>().CreateLogger<RunningCacheProxy>();
        try
        {
            await _app.StopAsync(CancellationToken.None);
            LogStopped(logger, BaseAddress);
            await _app.DisposeAsync();
        }
        finally
        {
            _ownedBackend?.Dispose();
            if (_ownsEmulator)
            {
                Emulator.Dispose();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cache proxy on {BaseAddress} stopped")]
    private static partial void LogStopped(ILogger logger, Uri baseAddress);
}
