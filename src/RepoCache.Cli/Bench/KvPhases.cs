namespace RepoCache.Cli.Bench;

/// <summary>
/// The KV workload shared by the in-process and REST runs and mirrored by the Miniflare script: put every key,
/// get every key, list every key in pages of 1,000, first with one caller and then with several.
/// </summary>
internal static class KvPhases
{
    /// <summary>Keys per list page.</summary>
    public const int PageSize = 1_000;

    /// <summary>
    /// Runs a warm-up on its own namespace (not reported), then the sequential and concurrent phases, each
    /// on a fresh namespace from <paramref name="openNamespace"/>.
    /// </summary>
    public static async Task<List<Measurement>> RunAsync(
        Func<string, Task<IKvBenchTarget>> openNamespace,
        IReadOnlyList<KeyValuePair<string, byte[]>> entries,
        int concurrency,
        int warmupKeys)
    {
        var warmup = await openNamespace("bench-warmup");
        await RunModeAsync(warmup, entries.Take(Math.Min(warmupKeys, entries.Count)).ToList(), Math.Min(concurrency, 4));

        var measurements = new List<Measurement>();
        measurements.AddRange(await RunModeAsync(await openNamespace("bench-sequential"), entries, 1));
        measurements.AddRange(await RunModeAsync(await openNamespace("bench-concurrent"), entries, concurrency));
        return measurements;
    }

    private static async Task<List<Measurement>> RunModeAsync(IKvBenchTarget target, IReadOnlyList<KeyValuePair<string, byte[]>> entries, int callers)
    {
        var put = await PhaseTimer.RunEachAsync("put", callers, entries.Count, index => target.PutAsync(entries[index].Key, entries[index].Value));

        var get = await PhaseTimer.RunEachAsync("get", callers, entries.Count, async index =>
        {
            var value = await target.GetAsync(entries[index].Key);
            if (value is null || !value.AsSpan().SequenceEqual(entries[index].Value))
            {
                throw new InvalidOperationException($"get of '{entries[index].Key}' returned {(value is null ? "nothing" : "a different value")}; expected the value the put phase wrote.");
            }
        });

        // Each caller lists the whole namespace, so concurrent listing reads every key once per caller.
        var list = await PhaseTimer.RunAsync("list", callers, async samples =>
        {
            string? cursor = null;
            do
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                var page = await target.ListPageAsync(cursor);
                samples.Record(started, page.Keys);
                cursor = page.Cursor;
            }
            while (cursor is not null);
        });

        if (list.Items != (long)entries.Count * callers)
        {
            throw new InvalidOperationException($"list returned {list.Items:N0} keys; expected {entries.Count:N0} per caller for {callers} callers.");
        }

        return [put, get, list];
    }
}
