using System.Diagnostics;

namespace RepoCache.Cli.Bench;

/// <summary>Runs a phase with a number of parallel callers and turns their samples into a <see cref="Measurement"/>.</summary>
internal static class PhaseTimer
{
    /// <summary>Name of the mode with one caller.</summary>
    public const string Sequential = "sequential";

    /// <summary>Name of the mode with several callers.</summary>
    public const string Concurrent = "concurrent";

    /// <summary>
    /// Runs <paramref name="caller"/> once per caller, each on its own thread-pool task, and times the whole phase
    /// from the first start to the last finish.
    /// </summary>
    public static async Task<Measurement> RunAsync(string operation, int callers, Func<LatencySamples, Task> caller)
    {
        var samples = Enumerable.Range(0, callers).Select(_ => new LatencySamples()).ToArray();

        var cpuAtStart = ProcessCpu.Current();
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(samples.Select(sample => Task.Run(() => caller(sample))));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var cpuSeconds = (ProcessCpu.Current() - cpuAtStart).TotalSeconds;

        return Summarise(operation, callers, seconds, samples) with { CpuSeconds = cpuSeconds };
    }

    /// <summary>
    /// Runs <paramref name="operation"/> for every index from 0 to <paramref name="count"/> - 1, the indexes shared
    /// out among <paramref name="callers"/> callers, and records each call's latency.
    /// </summary>
    public static Task<Measurement> RunEachAsync(string operationName, int callers, int count, Func<int, Task> operation)
    {
        var next = -1;
        return RunAsync(operationName, callers, async samples =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
            {
                var started = Stopwatch.GetTimestamp();
                await operation(index);
                samples.Record(started);
            }
        });
    }

    /// <summary>Turns the samples of a phase that took <paramref name="seconds"/> into a <see cref="Measurement"/>.</summary>
    public static Measurement Summarise(string operation, int callers, double seconds, LatencySamples[] samples)
    {
        var latencies = samples.SelectMany(sample => sample.Milliseconds).ToArray();
        Array.Sort(latencies);
        var items = samples.Sum(sample => sample.Items);

        return new Measurement(
            Operation: operation,
            Mode: callers == 1 ? Sequential : Concurrent,
            Callers: callers,
            Operations: latencies.Length,
            Items: items,
            Seconds: seconds,
            OperationsPerSecond: latencies.Length / seconds,
            ItemsPerSecond: items / seconds,
            P50Ms: Percentile(latencies, 0.50),
            P95Ms: Percentile(latencies, 0.95),
            P99Ms: Percentile(latencies, 0.99),
            MaxMs: latencies.Length == 0 ? 0 : latencies[^1]);
    }

    /// <summary>Returns the nearest-rank percentile of sorted values, or 0 for none.</summary>
    public static double Percentile(double[] sorted, double fraction)
    {
        if (sorted.Length == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(fraction * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
