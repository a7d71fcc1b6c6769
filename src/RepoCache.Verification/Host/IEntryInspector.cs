namespace RepoCache.Verification.Host;

/// <summary>Reads stored cache entries after a pass, for the checks on KV contents.</summary>
public interface IEntryInspector
{
    /// <summary>Where the entries are read from, for reports.</summary>
    string Source { get; }

    /// <summary>Reads the entry of one repository.</summary>
    Task<EntryLookup> GetAsync(FeedRepository repository, CancellationToken cancellationToken);

    /// <summary>Counts the stored cache entries, or returns null with the reason when they cannot be counted.</summary>
    Task<(long? Count, string? Problem)> CountAsync(CancellationToken cancellationToken);
}
