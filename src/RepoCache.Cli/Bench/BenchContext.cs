using Microsoft.Extensions.Logging;

namespace RepoCache.Cli.Bench;

/// <summary>What every workload of one benchmark run shares: settings, data, a scratch folder and a logger.</summary>
internal sealed record BenchContext(BenchOptions Options, BenchDataset Dataset, string WorkFolder, ILoggerFactory LoggerFactory)
{
    /// <summary>Creates a logger for a workload.</summary>
    public ILogger CreateLogger(string workloadId) => LoggerFactory.CreateLogger($"bench.{workloadId}");
}
