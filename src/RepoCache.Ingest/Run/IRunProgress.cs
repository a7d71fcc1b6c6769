namespace RepoCache.Ingest.Run;

/// <summary>Shows progress while the missed repositories are processed.</summary>
public interface IRunProgress
{
    /// <summary>Runs <paramref name="work"/>, which calls the given callback once per finished repository out of <paramref name="total"/>.</summary>
    Task RunAsync(int total, Func<Action<RepositoryReport>, Task> work);
}
