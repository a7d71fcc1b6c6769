using RepoCache.Kv;

namespace RepoCache.Cli.Bench;

/// <summary>The KV workload on the namespace binding in-process on a LiteDB file.</summary>
internal sealed class KvInProcessWorkload : IBenchWorkload
{
    public string Id => "kv";

    public string Title => "KV namespace in-process on a LiteDB file";

    public async Task<WorkloadReport> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        using var emulator = KvEmulator.Open(new KvEmulatorOptions(Path.Combine(context.WorkFolder, "kv-in-process.db")));

        var measurements = await KvPhases.RunAsync(
            title => Task.FromResult<IKvBenchTarget>(new InProcessKvTarget(emulator.GetNamespace(emulator.CreateNamespace(title).Id))),
            context.Dataset.Entries,
            context.Options.Concurrency,
            context.Options.WarmupKeys);

        return WorkloadReport.Done(Id, Title, measurements);
    }
}
