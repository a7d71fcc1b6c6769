namespace RepoCache.Ingest.Run;

/// <summary>Collects client-side latencies of one kind of call, safe to use from many threads.</summary>
public sealed class LatencyRecorder
{
    private readonly List<double> _milliseconds = [];
    private readonly Lock _gate = new();

    /// <summary>Adds one measured call.</summary>
    public void Record(TimeSpan elapsed)
    {
        lock (_gate)
        {
            _milliseconds.Add(elapsed.TotalMilliseconds);
        }
    }

    /// <summary>Returns count, p50, p95, p99 and max (nearest-rank percentiles) of everything recorded so far.</summary>
    public LatencySummary Summarize()
    {
        double[] sorted;
        lock (_gate)
        {
            sorted = [.. _milliseconds];
        }

        Array.Sort(sorted);
        if (sorted.Length == 0)
        {
            return new LatencySummary(0, null, null, null, null);
        }

        return new LatencySummary(sorted.Length, Percentile(sorted, 50), Percentile(sorted, 95), Percentile(sorted, 99), Math.Round(sorted[^1], 3));
    }

    private static double Percentile(double[] sorted, int percent)
    {
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Length);
        return Math.Round(sorted[Math.Clamp(rank, 1, sorted.Length) - 1], 3);
    }
}
