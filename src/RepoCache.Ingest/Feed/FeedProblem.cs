namespace RepoCache.Ingest.Feed;

/// <summary>An invalid feed row that was skipped: where it is, which field, and why.</summary>
/// <param name="Index">Zero-based position of the row in the feed array.</param>
/// <param name="Field">The offending field (<c>owner</c>, <c>name</c>, <c>pushedAt</c>) or <c>row</c> for the row itself.</param>
/// <param name="Reason">What is wrong, naming the value and the rule.</param>
/// <param name="Owner">The row's owner when it could be read, for reports.</param>
/// <param name="Name">The row's name when it could be read, for reports.</param>
public sealed record FeedProblem(int Index, string Field, string Reason, string? Owner = null, string? Name = null);
