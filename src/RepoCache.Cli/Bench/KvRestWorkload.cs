using RepoCache.Kv;
using RepoCache.Kv.Rest;

namespace RepoCache.Cli.Bench;

/// <summary>The KV workload through the REST API v4 on loopback.</summary>
internal sealed class KvRestWorkload : IBenchWorkload
{
    // The emulator accepts any account id; this one only has to look like Cloudflare's 32 hex characters.
    private const string AccountId = "0000000000000000000000000000be4c";

    public string Id => "kv-rest";

    public string Title => "KV namespace over the REST API v4 on loopback";

    public async Task<WorkloadReport> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        using var emulator = KvEmulator.Open(new KvEmulatorOptions(Path.Combine(context.WorkFolder, "kv-rest.db")));
        await using var server = await KvRestServer.StartAsync(emulator, new KvRestServerOptions(Host: "127.0.0.1", Port: 0), cancellationToken);
        using var client = BenchHttp.CreateClient(server.BaseAddress, context.Options.Concurrency);

        var measurements = await KvPhases.RunAsync(
            title => Task.FromResult<IKvBenchTarget>(new RestKvTarget(client, AccountId, emulator.CreateNamespace(title).Id)),
            context.Dataset.Entries,
            context.Options.Concurrency,
            context.Options.WarmupKeys);

        return WorkloadReport.Done(Id, Title, measurements);
    }
}
