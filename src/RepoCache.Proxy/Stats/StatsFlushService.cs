using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RepoCache.Proxy.Stats;

/// <summary>
/// Saves changed stats once per second while the proxy runs, and once more when it stops.
/// </summary>
internal sealed partial class StatsFlushService(
    ProxyStats stats,
    StatsStore store,
    TimeProvider timeProvider,
    ILogger<StatsFlushService> logger) : BackgroundService
{
    /// <summary>Time between two saves of changed counters.</summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);

    // Created with the service, before the host starts it, so a clock advanced right after start still ticks it.
    private readonly PeriodicTimer _timer = new(FlushInterval, timeProvider);

    /// <inheritdoc/>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await SaveAsync(CancellationToken.None);
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _timer.WaitForNextTickAsync(stoppingToken))
            {
                await SaveAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The final save happens in StopAsync.
        }
    }

    /// <inheritdoc/>
    public override void Dispose()
    {
        _timer.Dispose();
        base.Dispose();
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.SaveAsync(stats, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogSaveFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Saving proxy stats failed; the next save retries")]
    private static partial void LogSaveFailed(ILogger logger, Exception exception);
}
