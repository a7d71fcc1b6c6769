using RepoCache.Proxy.Contract;

namespace RepoCache.Proxy.Stats;

/// <summary>
/// A bounded latency histogram with geometric buckets 10 % wide, from 1 microsecond to about two minutes.
/// Memory stays constant however many samples arrive, and the bucket counts persist as a plain array.
/// </summary>
internal sealed class LatencyHistogram
{
    /// <summary>Number of buckets. The last one also takes every sample above its lower bound.</summary>
    public const int BucketCount = 200;

    private const double GrowthFactor = 1.1;

    private readonly long[] _buckets = new long[BucketCount];

    private double _maxMicroseconds;

    /// <summary>Number of recorded samples.</summary>
    public long Count { get; private set; }

    /// <summary>Records one sample.</summary>
    public void Record(TimeSpan elapsed)
    {
        var microseconds = Math.Max(elapsed.TotalMicroseconds, 0);
        _buckets[BucketOf(microseconds)]++;
        _maxMicroseconds = Math.Max(_maxMicroseconds, microseconds);
        Count++;
    }

    /// <summary>Summarises the samples as percentiles in milliseconds.</summary>
    public LatencySummary Summarise() =>
        new(Count, Percentile(0.50), Percentile(0.95), Percentile(0.99), Math.Round(_maxMicroseconds / 1000, 3));

    /// <summary>Copies the bucket counts and the maximum for persistence.</summary>
    public LatencyHistogramState Export() => new([.. _buckets], _maxMicroseconds);

    /// <summary>Restores bucket counts saved by <see cref="Export"/>. A state of another bucket layout is ignored.</summary>
    public void Import(LatencyHistogramState? state)
    {
        if (state?.Buckets is not { Length: BucketCount } buckets || buckets.Any(count => count < 0))
        {
            return;
        }

        Array.Copy(buckets, _buckets, BucketCount);
        _maxMicroseconds = Math.Max(state.MaxMicroseconds, 0);
        Count = buckets.Sum();
    }

    private static int BucketOf(double microseconds)
    {
        if (microseconds <= 1)
        {
            return 0;
        }

        var index = (int)Math.Ceiling(Math.Log(microseconds) / Math.Log(GrowthFactor));
        return Math.Clamp(index, 0, BucketCount - 1);
    }

    // The geometric middle of a bucket is within 5 % of every value in it.
    private double Percentile(double quantile)
    {
        if (Count == 0)
        {
            return 0;
        }

        var rank = (long)Math.Ceiling(quantile * Count);
        long seen = 0;
        for (var i = 0; i < BucketCount; i++)
        {
            seen += _buckets[i];
            if (seen >= rank)
            {
                var upper = Math.Pow(GrowthFactor, i);
                var middle = i == 0 ? upper : Math.Sqrt(upper / GrowthFactor * upper);
                return Math.Round(Math.Min(middle, _maxMicroseconds) / 1000, 3);
            }
        }

        return Math.Round(_maxMicroseconds / 1000, 3);
    }
}

/// <summary>Persisted form of a <see cref="LatencyHistogram"/>.</summary>
internal sealed record LatencyHistogramState(long[] Buckets, double MaxMicroseconds);
