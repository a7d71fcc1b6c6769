using System.Diagnostics;
using Microsoft.Extensions.Logging;
using RepoCache.Proxy.Hosting;

namespace RepoCache.Cli.Bench;

/// <summary>
/// Workload 3: the cache proxy over HTTP on loopback with the embedded LiteDB emulator. Concurrent writes of
/// every feed row fill the cache, then single checks and batch checks of the whole feed read it, all hits.
/// </summary>
internal sealed class ProxyWorkload : IBenchWorkload
{
    private const string Processor = "bench-processor-v1";

    public string Id => "proxy";

    public string Title => "Cache proxy over HTTP on loopback (embedded LiteDB emulator)";

    public async Task<WorkloadReport> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var rows = context.Dataset.Feed.Rows;

        await using var proxy = await CacheProxyServer.StartAsync(
            new CacheProxyOptions { Host = "127.0.0.1", Port = 0, DatabasePath = Path.Combine(context.WorkFolder, "proxy.db") },
            cancellationToken);
        using var client = BenchHttp.CreateClient(proxy.BaseAddress, Math.Max(options.Writers, options.Concurrency));

        var writeBodies = rows.Select(row => ProxyRequests.WriteBody(row, Processor)).ToArray();
        var write = await PhaseTimer.RunEachAsync("write", options.Writers, rows.Count, index => ProxyCalls.PutAsync(client, ProxyRequests.EntryPath(rows[index]), writeBodies[index]));

        var checkPaths = rows.Select(row => ProxyRequests.CheckPath(row, Processor)).ToArray();
        var warmupCount = Math.Min(options.WarmupKeys, checkPaths.Length);
        await PhaseTimer.RunEachAsync("check", 1, warmupCount, index => ProxyCalls.CheckAsync(client, checkPaths[index]));

        var checkCount = Math.Min(options.SingleChecks, checkPaths.Length);
        var sequentialCheck = await PhaseTimer.RunEachAsync("check", 1, checkCount, index => ProxyCalls.CheckAsync(client, checkPaths[index]));
        var concurrentCheck = await PhaseTimer.RunEachAsync("check", options.Concurrency, checkCount, index => ProxyCalls.CheckAsync(client, checkPaths[index]));

        var batchBodies = ProxyRequests.CheckBodies(rows, Processor);
        await ProxyCalls.BatchCheckAsync(client, batchBodies, rows.Count);
        var batch = await PhaseTimer.RunAsync("batch-check", 1, async samples =>
        {
            for (var i = 0; i < options.BatchRepeats; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await ProxyCalls.BatchCheckAsync(client, batchBodies, rows.Count);
                samples.Record(started, rows.Count);
            }
        });

        context.CreateLogger(Id).LogInformation(
            "Proxy: {Writes} writes at {WritesPerSecond:F0}/s, single check p50 {CheckP50:F3} ms p99 {CheckP99:F3} ms, batch of {Rows} p50 {BatchP50:F1} ms",
            write.Operations, write.OperationsPerSecond, sequentialCheck.P50Ms, sequentialCheck.P99Ms, rows.Count, batch.P50Ms);

        return WorkloadReport.Done(Id, Title, [write, sequentialCheck, concurrentCheck, batch]);
    }
}
