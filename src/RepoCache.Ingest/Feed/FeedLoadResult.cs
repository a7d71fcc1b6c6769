namespace RepoCache.Ingest.Feed;

/// <summary>The outcome of reading a feed: valid unique rows in feed order, skipped rows and counters.</summary>
/// <param name="Rows">Valid rows, duplicates merged, in order of first occurrence, cut to the limit when one was given.</param>
/// <param name="Problems">Every invalid row, in feed order.</param>
/// <param name="TotalRows">Number of elements in the feed array.</param>
/// <param name="DuplicatesMerged">Rows merged into an earlier row with the same owner and name (case-insensitive).</param>
public sealed record FeedLoadResult(
    IReadOnlyList<FeedRow> Rows,
    IReadOnlyList<FeedProblem> Problems,
    int TotalRows,
    int DuplicatesMerged);
