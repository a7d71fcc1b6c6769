using RepoCache.Proxy.Contract;

namespace RepoCache.Proxy.Stats;

/// <summary>
/// Counters of checks, writes and deletes, kept for two windows: since this process started, and since the
/// last reset. The since-reset window is restored from and saved to the stats store.
/// </summary>
public sealed class ProxyStats
{
    private readonly Lock _gate = new();

    private readonly TimeProvider _timeProvider;

    private StatsCounters _sinceStart;

    private StatsCounters _sinceReset;

    private long _version;

    internal ProxyStats(TimeProvider timeProvider, StatsCountersState? persisted)
    {
        _timeProvider = timeProvider;
        var now = timeProvider.GetUtcNow();
        _sinceStart = new StatsCounters(now);
        _sinceReset = persisted is null ? new StatsCounters(now) : StatsCounters.Import(persisted, now);
    }

    /// <summary>Counters since this proxy process started.</summary>
    public StatsWindow SinceStart()
    {
        lock (_gate)
        {
            return _sinceStart.ToWindow();
        }
    }

    /// <summary>Counters since the last reset, including those restored from the stats store.</summary>
    public StatsWindow SinceReset()
    {
        lock (_gate)
        {
            return _sinceReset.ToWindow();
        }
    }

    /// <summary>Number of changes so far. The flusher saves when it differs from the last saved one.</summary>
    internal long Version => Interlocked.Read(ref _version);

    internal void RecordCheck(CheckOutcome outcome, TimeSpan elapsed) => Update(counters =>
    {
        counters.RecordOutcome(outcome);
        counters.CheckLatency.Record(elapsed);
    });

    internal void RecordBatchCheck(IReadOnlyList<CheckOutcome> outcomes, TimeSpan elapsed) => Update(counters =>
    {
        foreach (var outcome in outcomes)
        {
            counters.RecordOutcome(outcome);
        }

        counters.BatchCheckLatency.Record(elapsed);
    });

    internal void RecordCheckError(int repositories) => Update(counters => counters.CheckErrors += repositories);

    internal void RecordWrite(TimeSpan elapsed) => Update(counters =>
    {
        counters.Writes++;
        counters.WriteLatency.Record(elapsed);
    });

    internal void RecordWriteConflict() => Update(counters => counters.WriteConflicts++);

    internal void RecordWriteError() => Update(counters => counters.WriteErrors++);

    internal void RecordDelete() => Update(counters => counters.Deletes++);

    /// <summary>Starts a new since-reset window at the current time. The since-start window keeps counting.</summary>
    internal void Reset()
    {
        lock (_gate)
        {
            _sinceReset = new StatsCounters(_timeProvider.GetUtcNow());
            _version++;
        }
    }

    /// <summary>Captures the since-reset window for saving, with the version it reflects.</summary>
    internal (StatsCountersState State, long Version) ExportSinceReset()
    {
        lock (_gate)
        {
            return (_sinceReset.Export(), _version);
        }
    }

    private void Update(Action<StatsCounters> change)
    {
        lock (_gate)
        {
            change(_sinceStart);
            change(_sinceReset);
            _version++;
        }
    }
}
