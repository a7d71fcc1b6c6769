using System.Diagnostics;

namespace RepoCache.Cli.Bench;

/// <summary>Latencies and item counts recorded by one caller; not thread-safe, so each caller owns one.</summary>
internal sealed class LatencySamples
{
    private readonly List<double> milliseconds = new(1024);

    /// <summary>Items moved by the recorded operations.</summary>
    public long Items { get; private set; }

    /// <summary>Recorded latencies in milliseconds.</summary>
    public IReadOnlyList<double> Milliseconds => milliseconds;

    /// <summary>Records one operation that started at <paramref name="startTimestamp"/> (from <see cref="Stopwatch.GetTimestamp()"/>) and ended now.</summary>
    public void Record(long startTimestamp, long items = 1)
    {
        milliseconds.Add(Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds);
        Items += items;
    }
}
