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

    /// <inheritdoc/>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await SaveAsync(CancellationToken.None);
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(FlushInterval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await SaveAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The final save happens in StopAsync.
        }
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
