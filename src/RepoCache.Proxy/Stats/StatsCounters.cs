using RepoCache.Proxy.Contract;

namespace RepoCache.Proxy.Stats;

/// <summary>The counters of one window. Callers hold the owning <see cref="ProxyStats"/> lock.</summary>
internal sealed class StatsCounters(DateTimeOffset since)
{
    private readonly Dictionary<string, long> _missesByReason = MissReason.All.ToDictionary(reason => reason, _ => 0L, StringComparer.Ordinal);

    public DateTimeOffset Since { get; private set; } = since;

    public long Checks { get; private set; }

    public long Hits { get; private set; }

    public long CheckErrors { get; set; }

    public long Writes { get; set; }

    public long WriteConflicts { get; set; }

    public long WriteErrors { get; set; }

    public long Deletes { get; set; }

    public LatencyHistogram CheckLatency { get; } = new();

    public LatencyHistogram BatchCheckLatency { get; } = new();

    public LatencyHistogram WriteLatency { get; } = new();

    public void RecordOutcome(CheckOutcome outcome)
    {
        Checks++;
        if (outcome.IsHit)
        {
            Hits++;
            return;
        }

        var reason = outcome.Reason ?? MissReason.Malformed;
        _missesByReason[reason] = _missesByReason.GetValueOrDefault(reason) + 1;
    }

    public StatsWindow ToWindow()
    {
        var misses = Checks - Hits;
        var hitRate = Checks == 0 ? 0 : Math.Round((double)Hits / Checks, 4);

        return new StatsWindow(
            PushedAt.Format(Since),
            Checks,
            Hits,
            misses,
            new Dictionary<string, long>(_missesByReason, StringComparer.Ordinal),
            hitRate,
            CheckErrors,
            Writes,
            WriteConflicts,
            WriteErrors,
            Deletes,
            new LatencyReport(CheckLatency.Summarise(), BatchCheckLatency.Summarise(), WriteLatency.Summarise()));
    }

    public StatsCountersState Export() => new(
        PushedAt.Format(Since),
        Checks,
        Hits,
        new Dictionary<string, long>(_missesByReason, StringComparer.Ordinal),
        CheckErrors,
        Writes,
        WriteConflicts,
        WriteErrors,
        Deletes,
        CheckLatency.Export(),
        BatchCheckLatency.Export(),
        WriteLatency.Export());

    public static StatsCounters Import(StatsCountersState state, DateTimeOffset fallbackSince)
    {
        var since = PushedAt.TryParse(state.Since, out var parsed) ? parsed.Value : fallbackSince;
        var counters = new StatsCounters(since)
        {
            Checks = Math.Max(state.Checks, 0),
            Hits = Math.Max(state.Hits, 0),
            CheckErrors = Math.Max(state.CheckErrors, 0),
            Writes = Math.Max(state.Writes, 0),
            WriteConflicts = Math.Max(state.WriteConflicts, 0),
            WriteErrors = Math.Max(state.WriteErrors, 0),
            Deletes = Math.Max(state.Deletes, 0),
        };

        foreach (var (reason, count) in state.MissesByReason ?? [])
        {
            counters._missesByReason[reason] = Math.Max(count, 0);
        }

        counters.CheckLatency.Import(state.CheckLatency);
        counters.BatchCheckLatency.Import(state.BatchCheckLatency);
        counters.WriteLatency.Import(state.WriteLatency);
        return counters;
    }
}

/// <summary>Persisted form of <see cref="StatsCounters"/>, stored as JSON in the stats namespace.</summary>
internal sealed record StatsCountersState(
    string Since,
    long Checks,
    long Hits,
    Dictionary<string, long>? MissesByReason,
    long CheckErrors,
    long Writes,
    long WriteConflicts,
    long WriteErrors,
    long Deletes,
    LatencyHistogramState? CheckLatency,
    LatencyHistogramState? BatchCheckLatency,
    LatencyHistogramState? WriteLatency);
