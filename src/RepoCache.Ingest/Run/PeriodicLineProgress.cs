namespace RepoCache.Ingest.Run;

/// <summary>Progress as plain lines, at most one per interval plus a final one, for logs and redirected output.</summary>
public sealed class PeriodicLineProgress(TextWriter output, TimeProvider timeProvider, TimeSpan interval) : IRunProgress
{
    /// <inheritdoc/>
    public async Task RunAsync(int total, Func<Action<RepositoryReport>, Task> work)
    {
        var done = 0;
        var failed = 0;
        var lastLine = timeProvider.GetTimestamp();
        var gate = new Lock();

        await work(report =>
        {
            lock (gate)
            {
                done++;
                failed += report.Outcome == RepositoryOutcome.Failed ? 1 : 0;
                if (timeProvider.GetElapsedTime(lastLine) >= interval && done < total)
                {
                    output.WriteLine($"Progress: {done}/{total} repositories processed, {failed} failed");
                    lastLine = timeProvider.GetTimestamp();
                }
            }
        });

        if (total > 0)
        {
            output.WriteLine($"Progress: {done}/{total} repositories processed, {failed} failed");
        }
    }
}
