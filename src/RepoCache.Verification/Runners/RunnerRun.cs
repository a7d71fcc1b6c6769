namespace RepoCache.Verification.Runners;

/// <summary>What one runner process did: exit code, printed lines, log file and summary.</summary>
/// <param name="Shard">Shard number, 1-based.</param>
/// <param name="ExitCode">Exit code, or -1 when the process could not start or was stopped.</param>
/// <param name="Output">Every line it printed to standard output, in order.</param>
/// <param name="LogPath">The log file holding its standard output and error.</param>
/// <param name="Summary">Its summary, or null when none could be read.</param>
/// <param name="Problem">Why the process or its summary is missing (start failure, timeout, unreadable summary), or null.</param>
public sealed record RunnerRun(int Shard, int ExitCode, IReadOnlyList<string> Output, string LogPath, RunnerSummary? Summary, string? Problem)
{
    /// <summary>The <c>Cache check:</c> line it printed, or null.</summary>
    public CacheCheckLine? CacheCheck { get; } = CacheCheckLine.Find(Output);
}
