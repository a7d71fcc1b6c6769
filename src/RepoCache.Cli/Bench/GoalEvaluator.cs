namespace RepoCache.Cli.Bench;

/// <summary>Computes the RepoCache/Miniflare ratios and checks the measured figures against the performance goals.</summary>
internal static class GoalEvaluator
{
    /// <summary>Minimum RepoCache/Miniflare ratio of KV put and get operations per second.</summary>
    public const double MinKvRatio = 20;

    /// <summary>Maximum median single-check latency over loopback, in milliseconds.</summary>
    public const double MaxCheckP50Ms = 0.3;

    /// <summary>Maximum 99th percentile single-check latency over loopback, in milliseconds.</summary>
    public const double MaxCheckP99Ms = 2;

    /// <summary>Maximum median time of a batch check of the whole feed, in milliseconds.</summary>
    public const double MaxBatchCheckMs = 250;

    /// <summary>Maximum wall time of runner pass 2 over the feed, in seconds.</summary>
    public const double MaxPassTwoSeconds = 5;

    /// <summary>Maximum peak RSS of one runner process, in MB.</summary>
    public const double MaxRunnerRssMegabytes = 300;

    private static readonly string[] Operations = ["put", "get", "list"];
    private static readonly string[] Modes = [PhaseTimer.Sequential, PhaseTimer.Concurrent];

    /// <summary>Returns one ratio per KV workload, operation and mode that both RepoCache and Miniflare measured.</summary>
    public static List<Ratio> Ratios(IReadOnlyList<WorkloadReport> workloads, PeerReport peer)
    {
        var ratios = new List<Ratio>();
        foreach (var workload in workloads.Where(w => w.Id is "kv" or "kv-rest"))
        {
            foreach (var operation in Operations)
            {
                foreach (var mode in Modes)
                {
                    if (workload.Find(operation, mode) is { } ours && peer.Find(operation, mode) is { } theirs)
                    {
                        var ourCpu = CpuMsPerOperation(ours);
                        var theirCpu = CpuMsPerOperation(theirs);
                        var cpuRatio = ourCpu is > 0 && theirCpu is not null ? theirCpu / ourCpu : null;
                        ratios.Add(new Ratio(
                            workload.Id, operation, mode, ours.OperationsPerSecond, theirs.OperationsPerSecond,
                            ours.OperationsPerSecond / theirs.OperationsPerSecond, ourCpu, theirCpu, cpuRatio));
                    }
                }
            }
        }

        return ratios;
    }

    /// <summary>Returns every goal with its measured value, met, missed or not measured.</summary>
    public static List<GoalResult> Evaluate(IReadOnlyList<WorkloadReport> workloads, IReadOnlyList<Ratio> ratios)
    {
        var goals = new List<GoalResult>();
        foreach (var operation in new[] { "put", "get" })
        {
            foreach (var mode in Modes)
            {
                var ratio = ratios.FirstOrDefault(r => r.Workload == "kv" && r.Operation == operation && r.Mode == mode)?.Value;
                goals.Add(AtLeast($"KV {operation} in-process, {mode}: RepoCache/Miniflare operations per second", ratio, MinKvRatio, "x"));
            }
        }

        var proxy = workloads.FirstOrDefault(w => w.Id == "proxy");
        var check = proxy?.Find("check", PhaseTimer.Sequential);
        goals.Add(Below("Single check over loopback, p50", check?.P50Ms, MaxCheckP50Ms, "ms"));
        goals.Add(Below("Single check over loopback, p99", check?.P99Ms, MaxCheckP99Ms, "ms"));
        goals.Add(Below("Batch check of the whole feed, median of the repeats", proxy?.Find("batch-check", PhaseTimer.Sequential)?.P50Ms, MaxBatchCheckMs, "ms"));

        var runner = workloads.FirstOrDefault(w => w.Id == "runner");
        goals.Add(Below("Runner pass 2 over the feed, wall time", FindFigure(runner, "pass 2 wall time"), MaxPassTwoSeconds, "s"));
        goals.Add(Below("Runner peak RSS, largest shard", FindFigure(runner, "runner peak RSS, largest shard"), MaxRunnerRssMegabytes, "MB"));
        return goals;
    }

    private static double? CpuMsPerOperation(Measurement measurement) =>
        measurement.CpuSeconds is { } cpu && measurement.Operations > 0 ? cpu * 1000 / measurement.Operations : null;

    private static double? FindFigure(WorkloadReport? workload, string namePrefix) =>
        workload?.Figures.FirstOrDefault(f => f.Name.StartsWith(namePrefix, StringComparison.Ordinal))?.Value;

    private static GoalResult AtLeast(string goal, double? measured, double target, string unit) =>
        new(goal, $">= {target:G} {unit}", measured, unit, Status(measured, value => value >= target));

    private static GoalResult Below(string goal, double? measured, double target, string unit) =>
        new(goal, $"< {target:G} {unit}", measured, unit, Status(measured, value => value < target));

    private static string Status(double? measured, Func<double, bool> meets)
    {
        if (measured is not { } value)
        {
            return GoalResult.NotMeasured;
        }

        return meets(value) ? GoalResult.Met : GoalResult.Missed;
    }
}
