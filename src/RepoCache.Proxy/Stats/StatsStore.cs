using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using RepoCache.Kv;

namespace RepoCache.Proxy.Stats;

/// <summary>
/// Saves the since-reset counters as one JSON value in a dedicated namespace of the local KV emulator,
/// so they survive a restart of the proxy.
/// </summary>
internal sealed partial class StatsStore(IKvNamespace statsNamespace, ILogger<StatsStore> logger)
{
    /// <summary>Key of the saved counters inside the stats namespace.</summary>
    public const string Key = "proxy-stats";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly SemaphoreSlim _saveGate = new(1, 1);

    private long _savedVersion = -1;

    /// <summary>Reads the saved counters, or null when none are saved or the saved value cannot be read.</summary>
    public async Task<StatsCountersState?> LoadAsync(CancellationToken cancellationToken)
    {
        var entry = await statsNamespace.GetWithMetadataAsync(Key, null, cancellationToken);
        if (entry is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<StatsCountersState>(entry.Value.Span, JsonOptions);
        }
        catch (JsonException exception)
        {
            LogUnreadableStats(logger, exception, Key);
            return null;
        }
    }

    /// <summary>Writes the since-reset counters when they changed since the last save.</summary>
    public async Task SaveAsync(ProxyStats stats, CancellationToken cancellationToken)
    {
        await _saveGate.WaitAsync(cancellationToken);
        try
        {
            var (state, version) = stats.ExportSinceReset();
            if (version == _savedVersion)
            {
                return;
            }

            var json = JsonSerializer.SerializeToUtf8Bytes(state, JsonOptions);
            await statsNamespace.PutAsync(Key, json, null, cancellationToken);
            _savedVersion = version;
        }
        finally
        {
            _saveGate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Saved proxy stats under key {Key} cannot be read; counting starts from zero")]
    private static partial void LogUnreadableStats(ILogger logger, Exception exception, string key);
}
