using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace RepoCache.Cli.Bench;

/// <summary>Runs the selected workloads and the Miniflare peer in one process, then writes <c>report.json</c> and <c>report.html</c>.</summary>
internal sealed partial class BenchRunner(BenchOptions options, ILoggerFactory loggerFactory)
{
    private static readonly JsonSerializerOptions ReportJson = new() { WriteIndented = true };

    private readonly ILogger logger = loggerFactory.CreateLogger<BenchRunner>();

    /// <summary>Runs the benchmark; returns the report, which names every skipped or failed workload.</summary>
    public async Task<BenchReport> RunAsync(string command, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var machineAtStart = MachineFacts.Read();
        var workFolder = Directory.CreateTempSubdirectory("repocache-bench-").FullName;
        LogStarting(logger, workFolder, options.OutputFolder);

        try
        {
            var dataset = await BenchDataset.CreateAsync(workFolder, options.FeedRows, options.Keys, cancellationToken);
            var context = new BenchContext(options, dataset, workFolder, loggerFactory);

            // The peer runs right after the KV workloads, so the ratios compare figures taken under similar machine load.
            var workloads = new List<WorkloadReport>();
            foreach (var workload in new IBenchWorkload[] { new KvInProcessWorkload(), new KvRestWorkload() })
            {
                workloads.Add(await RunWorkloadAsync(workload, context, cancellationToken));
            }

            var peer = await RunPeerAsync(context, cancellationToken);
            foreach (var workload in new IBenchWorkload[] { new ProxyWorkload(), new RunnerWorkload() })
            {
                workloads.Add(await RunWorkloadAsync(workload, context, cancellationToken));
            }

            var ratios = GoalEvaluator.Ratios(workloads, peer);
            var goals = GoalEvaluator.Evaluate(workloads, ratios);

            var report = new BenchReport(
                BenchReport.CurrentSchemaVersion,
                startedAt,
                DateTimeOffset.UtcNow,
                command,
                machineAtStart with { LoadAverage = $"{machineAtStart.LoadAverage} at the start, {MachineFacts.Read().LoadAverage} at the end" },
                CreateSettings(dataset),
                workloads,
                peer,
                ratios,
                goals);
            await WriteAsync(report, cancellationToken);
            return report;
        }
        finally
        {
            DeleteWorkFolder(workFolder);
        }
    }

    private async Task<WorkloadReport> RunWorkloadAsync(IBenchWorkload workload, BenchContext context, CancellationToken cancellationToken)
    {
        if (!options.Includes(workload.Id))
        {
            return WorkloadReport.Skip(workload.Id, workload.Title, "Not selected with --only.");
        }

        LogWorkloadStarting(logger, workload.Id, workload.Title);
        try
        {
            var report = await workload.RunAsync(context, cancellationToken);
            LogWorkloadFinished(logger, workload.Id, report.Status);
            return report;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogWorkloadFailed(logger, error, workload.Id);
            return WorkloadReport.Fail(workload.Id, workload.Title, $"{error.GetType().Name}: {error.Message}");
        }
    }

    private async Task<PeerReport> RunPeerAsync(BenchContext context, CancellationToken cancellationToken)
    {
        if (!options.Includes("miniflare"))
        {
            return PeerReport.NotRun(WorkloadReport.Skipped, "Not selected with --only.");
        }

        LogWorkloadStarting(logger, "miniflare", "Miniflare KV binding from Node.js");
        try
        {
            return await new MiniflarePeer().RunAsync(context, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogWorkloadFailed(logger, error, "miniflare");
            return PeerReport.NotRun(WorkloadReport.Failed, $"{error.GetType().Name}: {error.Message}");
        }
    }

    private BenchSettings CreateSettings(BenchDataset dataset) => new(
        options.FeedRows,
        dataset.Repositories.Count,
        options.Keys,
        options.Concurrency,
        options.Writers,
        options.WarmupKeys,
        options.SingleChecks,
        options.BatchRepeats,
        options.Shards,
        options.Archives,
        options.PeerKeys);

    private async Task WriteAsync(BenchReport report, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.OutputFolder);
        var jsonPath = Path.Combine(options.OutputFolder, "report.json");
        var htmlPath = Path.Combine(options.OutputFolder, "report.html");

        await File.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(report, ReportJson) + "\n", cancellationToken);
        await File.WriteAllTextAsync(htmlPath, HtmlReportWriter.Render(report), cancellationToken);
        LogReportWritten(logger, jsonPath, htmlPath);
    }

    private void DeleteWorkFolder(string workFolder)
    {
        try
        {
            Directory.Delete(workFolder, recursive: true);
        }
        catch (IOException error)
        {
            LogCleanupFailed(logger, error, workFolder);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Benchmark starting in {WorkFolder}; reports go to {OutputFolder}")]
    private static partial void LogStarting(ILogger logger, string workFolder, string outputFolder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Workload {WorkloadId} starting: {Title}")]
    private static partial void LogWorkloadStarting(ILogger logger, string workloadId, string title);

    [LoggerMessage(Level = LogLevel.Information, Message = "Workload {WorkloadId} finished: {Status}")]
    private static partial void LogWorkloadFinished(ILogger logger, string workloadId, string status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Workload {WorkloadId} failed")]
    private static partial void LogWorkloadFailed(ILogger logger, Exception error, string workloadId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote {JsonPath} and {HtmlPath}")]
    private static partial void LogReportWritten(ILogger logger, string jsonPath, string htmlPath);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete the work folder {WorkFolder}")]
    private static partial void LogCleanupFailed(ILogger logger, Exception error, string workFolder);
}
