using Microsoft.Extensions.Hosting;

namespace RepoCache.Kv.Rest;

/// <summary>
/// A host lifetime that leaves Ctrl+C and SIGTERM to the embedding program, which stops the server by disposing it.
/// </summary>
internal sealed class PassiveHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
