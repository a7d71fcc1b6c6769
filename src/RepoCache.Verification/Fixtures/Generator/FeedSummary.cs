namespace RepoCache.Verification.Fixtures.Generator;

/// <summary>Counts describing a generated feed, for the command's output and for tests.</summary>
/// <param name="Rows">Rows written, duplicates included.</param>
/// <param name="UniqueRepositories">Distinct repositories by lower-cased <c>owner/name</c>.</param>
/// <param name="DuplicateRows">Rows repeating a repository that appears earlier in generation order.</param>
/// <param name="CaseVariantDuplicates">Duplicate rows whose owner is spelled in a different case from the original.</param>
/// <param name="Organisations">Distinct owners by lower-cased name.</param>
/// <param name="NullPushedAt">Rows whose <c>pushedAt</c> is null.</param>
/// <param name="MillisecondSpelling">Rows whose <c>pushedAt</c> carries <c>.000Z</c>.</param>
/// <param name="SecondSpelling">Rows whose <c>pushedAt</c> ends in whole seconds and <c>Z</c>.</param>
public sealed record FeedSummary(
    int Rows,
    int UniqueRepositories,
    int DuplicateRows,
    int CaseVariantDuplicates,
    int Organisations,
    int NullPushedAt,
    int MillisecondSpelling,
    int SecondSpelling);
