namespace RepoCache.Cli.Bench;

/// <summary>
/// How a child process ended: exit code, output, wall time, and the highest resident set size seen while
/// polling (null where the system does not report it).
/// </summary>
internal sealed record ChildProcessResult(int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed, long? PeakRssBytes);
