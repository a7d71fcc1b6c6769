namespace RepoCache.Verification.Fixtures.Generator;

/// <summary>A generated feed: its rows in feed order and the counts that describe them.</summary>
public sealed record GeneratedFeed(IReadOnlyList<SyntheticRepository> Rows, FeedSummary Summary);
