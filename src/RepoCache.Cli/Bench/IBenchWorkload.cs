namespace RepoCache.Cli.Bench;

/// <summary>One numbered workload of <c>repocache bench</c>.</summary>
internal interface IBenchWorkload
{
    /// <summary>Short id used in the report and by <c>--only</c>, such as <c>kv</c>.</summary>
    string Id { get; }

    /// <summary>One-line description for the report.</summary>
    string Title { get; }

    /// <summary>Runs the workload and returns its figures, or a skipped or failed report.</summary>
    Task<WorkloadReport> RunAsync(BenchContext context, CancellationToken cancellationToken);
}
