namespace RepoCache.Ingest.Run;

/// <summary>What the runner does when the cache check cannot be made.</summary>
public enum CacheErrorPolicy
{
    /// <summary>Stop with exit code 3 before processing anything (the default).</summary>
    Fail,

    /// <summary>Process every selected repository as a miss, and state that in the first summary line.</summary>
    ProcessAll,
}
