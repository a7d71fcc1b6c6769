using System.Diagnostics;
using Microsoft.Extensions.Logging;
using RepoCache.Kv.Semantics;
using RepoCache.Proxy.Contract;
using RepoCache.Proxy.Hosting;
using RepoCache.Verification.Fixtures.Generator;

namespace RepoCache.Cli.Bench;

/// <summary>
/// The proxy workload: the cache proxy over HTTP on loopback with the embedded LiteDB emulator. Concurrent writes of
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

        var kvShare = await MeasureKvShareOfBatchAsync(proxy, rows, options.BatchRepeats);

        context.CreateLogger(Id).LogInformation(
            "Proxy: {Writes} writes at {WritesPerSecond:F0}/s, single check p50 {CheckP50:F3} ms p99 {CheckP99:F3} ms, batch of {Rows} p50 {BatchP50:F1} ms",
            write.Operations, write.OperationsPerSecond, sequentialCheck.P50Ms, sequentialCheck.P99Ms, rows.Count, batch.P50Ms);

        return WorkloadReport.Done(Id, Title, [write, sequentialCheck, concurrentCheck, batch, kvShare]);
    }

    // Reads the batch's keys straight from the proxy's KV namespace in bulk chunks, as the proxy does, so the
    // report can split a batch check into store time and HTTP plus JSON time.
    private static async Task<Measurement> MeasureKvShareOfBatchAsync(RunningCacheProxy proxy, IReadOnlyList<SyntheticRepository> rows, int repeats)
    {
        var kvNamespace = proxy.Emulator.GetNamespace(CacheProxyOptions.CacheNamespaceId);
        var keys = rows.Select(row => RepositoryName.CacheKey(row.Owner, row.Name)).Distinct(StringComparer.Ordinal).ToList();

        return await PhaseTimer.RunAsync("kv-bulk-get", 1, async samples =>
        {
            for (var i = 0; i < repeats; i++)
            {
                var started = Stopwatch.GetTimestamp();
                foreach (var chunk in keys.Chunk(KvLimits.MaxBulkGetKeys))
                {
                    await kvNamespace.GetBulkAsync(chunk);
                }

                samples.Record(started, keys.Count);
            }
        });
    }
}
