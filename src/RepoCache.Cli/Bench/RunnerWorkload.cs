using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using RepoCache.Ingest.Run;
using RepoCache.Proxy.Hosting;

namespace RepoCache.Cli.Bench;

/// <summary>
/// The runner workload: pass 2 of the runner over the whole feed with every repository a hit, the shards as separate
/// <c>repocache ingest</c> processes, then the pass 1 digest throughput over generated archives.
/// </summary>
internal sealed class RunnerWorkload : IBenchWorkload
{
    private const string Processor = "bench-runner-v1";

    // Pass 2 is all hits, so the runner must not download anything. Port 9 (discard) on loopback makes any
    // unexpected download fail at once on this machine instead of reaching GitHub.
    private const string UnreachableGitHub = "http://127.0.0.1:9";

    private static readonly TimeSpan RunnerTimeout = TimeSpan.FromMinutes(5);

    public string Id => "runner";

    public string Title => "Runner end to end: pass 2 all hits as separate processes, pass 1 digest throughput";

    public async Task<WorkloadReport> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var logger = context.CreateLogger(Id);
        var options = context.Options;
        var rows = context.Dataset.Feed.Rows;

        await using var proxy = await CacheProxyServer.StartAsync(
            new CacheProxyOptions { Host = "127.0.0.1", Port = 0, DatabasePath = Path.Combine(context.WorkFolder, "runner-proxy.db") },
            cancellationToken);
        using (var client = BenchHttp.CreateClient(proxy.BaseAddress, options.Writers))
        {
            await PhaseTimer.RunEachAsync("fill", options.Writers, rows.Count, index =>
                ProxyCalls.PutAsync(client, ProxyRequests.EntryPath(rows[index]), ProxyRequests.WriteBody(rows[index], Processor)));
        }

        var figures = new List<Figure>();
        await RunPassTwoAsync(context, proxy.BaseAddress, logger, figures);

        var (digestSteps, contentBytes, archiveBytes) = await DigestThroughput.RunAsync(context.WorkFolder, options.Archives, cancellationToken);
        var digest = digestSteps[0];
        var megabytesPerSecond = contentBytes / 1_000_000.0 / digest.Seconds;
        figures.Add(new Figure("pass 1 digest throughput (extracted content)", megabytesPerSecond, "MB/s"));
        figures.Add(new Figure("pass 1 digest throughput (compressed archives)", archiveBytes / 1_000_000.0 / digest.Seconds, "MB/s"));
        logger.LogInformation("Digest: {Archives} archives, {Megabytes:F1} MB of content at {Throughput:F1} MB/s", digest.Operations, contentBytes / 1_000_000.0, megabytesPerSecond);

        return WorkloadReport.Done(Id, Title, digestSteps, figures);
    }

    private static async Task RunPassTwoAsync(BenchContext context, Uri cacheUrl, ILogger logger, List<Figure> figures)
    {
        var shards = context.Options.Shards;
        var (executable, prefix) = RunnerCommand();
        var outputFolder = Path.Combine(context.WorkFolder, "runner-out");

        var childCpuAtStart = ProcessCpu.FinishedChildren();
        var proxyCpuAtStart = ProcessCpu.Current();
        var started = Stopwatch.GetTimestamp();
        var processes = Enumerable.Range(1, shards).Select(shard => ChildProcess.Start(
            executable,
            [
                .. prefix, "ingest",
                "--repos", context.Dataset.FeedPath,
                "--cache-url", cacheUrl.ToString(),
                "--out", outputFolder,
                "--shard", string.Create(CultureInfo.InvariantCulture, $"{shard}/{shards}"),
                "--processor", Processor,
                "--github-url", UnreachableGitHub,
                "--summary", SummaryPath(context, shard),
                "--log-level", "Warning",
            ],
            logger)).ToList();
        var results = await Task.WhenAll(processes.Select(process => process.WaitAsync(RunnerTimeout)));
        var wallSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var proxyCpuSeconds = (ProcessCpu.Current() - proxyCpuAtStart).TotalSeconds;
        var runnerCpuSeconds = ProcessCpu.FinishedChildren() - childCpuAtStart;

        var hits = 0;
        for (var shard = 1; shard <= shards; shard++)
        {
            var result = results[shard - 1];
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"Runner shard {shard}/{shards} exited with {result.ExitCode}: {result.StandardError.Trim()}");
            }

            var summary = JsonSerializer.Deserialize<RunSummary>(await File.ReadAllTextAsync(SummaryPath(context, shard)))!;
            if (summary.Totals.Misses != 0)
            {
                throw new InvalidOperationException($"Runner shard {shard}/{shards} reported {summary.Totals.Misses} misses in a pass that should be all hits.");
            }

            hits += summary.Totals.Hits;
            figures.Add(new Figure($"runner shard {shard}/{shards} peak RSS", (result.PeakRssBytes ?? 0) / 1_000_000.0, "MB"));
            figures.Add(new Figure($"runner shard {shard}/{shards} wall time", result.Elapsed.TotalSeconds, "s"));
        }

        var expectedHits = context.Dataset.Repositories.Count;
        if (hits != expectedHits)
        {
            throw new InvalidOperationException($"The runners reported {hits:N0} hits in total; expected {expectedHits:N0}, one per distinct repository.");
        }

        figures.Insert(0, new Figure($"pass 2 wall time, {shards} shards", wallSeconds, "s"));
        figures.Insert(1, new Figure("pass 2 repositories checked per second", hits / wallSeconds, "repositories/s"));
        figures.Insert(2, new Figure("runner peak RSS, largest shard", results.Max(result => result.PeakRssBytes ?? 0) / 1_000_000.0, "MB"));
        figures.Insert(3, new Figure("pass 2 processor time of the proxy (this process)", proxyCpuSeconds, "s"));
        if (runnerCpuSeconds is { } runnerCpu)
        {
            figures.Insert(4, new Figure($"pass 2 processor time of the {shards} runner processes together", runnerCpu.TotalSeconds, "s"));
        }

        logger.LogInformation("Pass 2: {Hits} hits over {Shards} runner processes in {Seconds:F2} s", hits, shards, wallSeconds);
    }

    private static string SummaryPath(BenchContext context, int shard) => Path.Combine(context.WorkFolder, $"runner-summary-{shard}.json");

    // The runner is this same executable; under 'dotnet repocache.dll' the host needs the assembly path first.
    private static (string Executable, string[] Prefix) RunnerCommand()
    {
        var processPath = Environment.ProcessPath ?? throw new InvalidOperationException("The path of the running executable is unknown, so the runner cannot be started.");
        var isDotnetHost = Path.GetFileNameWithoutExtension(processPath).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        return isDotnetHost ? (processPath, [typeof(RunnerWorkload).Assembly.Location]) : (processPath, []);
    }
}
