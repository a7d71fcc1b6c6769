namespace RepoCache.Verification.Fixtures.Generator;

/// <summary>One row of a synthetic feed, with the fields of the real cross-government feed.</summary>
/// <param name="Owner">Owner as GitHub spells it, mixed case.</param>
/// <param name="Name">Repository name.</param>
/// <param name="Archived">Whether the repository is archived.</param>
/// <param name="License">GitHub's licence key, or null when none is detected.</param>
/// <param name="StargazersCount">Number of stars.</param>
/// <param name="Language">Main language, or null.</param>
/// <param name="ForksCount">Number of forks.</param>
/// <param name="OpenIssuesCount">Number of open issues.</param>
/// <param name="CreatedAt">Creation instant, whole seconds.</param>
/// <param name="UpdatedAt">Last update instant, whole seconds.</param>
/// <param name="PushedAt">Last push instant, whole seconds, or null for a repository never pushed to.</param>
/// <param name="Description">Description, or null when the row has no <c>description</c> field.</param>
/// <param name="WithMilliseconds">True when the row spells its timestamps with <c>.000Z</c>.</param>
public sealed record SyntheticRepository(
    string Owner,
    string Name,
    bool Archived,
    string? License,
    int StargazersCount,
    string? Language,
    int ForksCount,
    int OpenIssuesCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? PushedAt,
    string? Description,
    bool WithMilliseconds)
{
    /// <summary>The repository's GitHub address, built from the owner and name as spelled in this row.</summary>
    public string Url => $"https://github.com/{Owner}/{Name}";
}
