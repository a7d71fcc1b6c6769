using RepoCache.Verification.Checks;
using RepoCache.Verification.GitHub;

namespace RepoCache.Verification.Host;

/// <summary>What a run has gathered so far: the repositories, the changed set, each pass and every check.</summary>
public sealed class RunState(IReadOnlyList<FeedRepository> repositories)
{
    /// <summary>The repositories of the run, with the pushedAt values of pass 1.</summary>
    public IReadOnlyList<FeedRepository> Repositories { get; } = repositories;

    /// <summary>Lower-cased <c>owner/name</c> of the repositories changed upstream before pass 2.</summary>
    public HashSet<string> ChangedKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>The passes that ran, in order.</summary>
    public List<PassRecord> Passes { get; } = [];

    /// <summary>Repositories the host itself checked through the proxy, and how many were hits, for the lifetime totals.</summary>
    public (long Checks, long Hits) HostChecks { get; set; }

    /// <summary>Every check made so far.</summary>
    public CheckList Checks { get; } = new();

    /// <summary>The lower-cased <c>owner/name</c> of every repository of the run.</summary>
    public IReadOnlySet<string> AllKeys { get; } = repositories.Select(r => GitHubStandIn.Key(r.Owner, r.Name)).ToHashSet(StringComparer.Ordinal);
}

/// <summary>One pass that ran: what was observed and what was expected.</summary>
public sealed record PassRecord(PassObservation Observation, PassExpectation Expectation);
