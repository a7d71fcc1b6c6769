namespace RepoCache.Verification.Checks;

/// <summary>What a correct cache produces in one pass. Repository keys are lower-cased <c>owner/name</c>.</summary>
/// <param name="Hits">Exact number of hits.</param>
/// <param name="Misses">The repositories that must miss, and no others.</param>
/// <param name="MissReason">The reason every miss must carry, or null when no miss is expected.</param>
/// <param name="Downloads">The repositories whose tarball must be requested exactly once; no other may be requested.</param>
/// <param name="MinHitRate">The lowest acceptable hit rate, or null when the pass has no threshold.</param>
public sealed record PassExpectation(
    int Hits,
    IReadOnlySet<string> Misses,
    string? MissReason,
    IReadOnlySet<string> Downloads,
    double? MinHitRate);
