namespace RepoCache.Verification.Fixtures.Generator;

/// <summary>
/// Settings of a synthetic repository feed. The defaults match the shape of the cross-government feed in
/// 2026: about 190 organisations, about 3% duplicate rows, some repositories never pushed to.
/// </summary>
public sealed record FeedGeneratorOptions
{
    /// <summary>Largest feed the generator writes, ten times the real feed, to keep a mistyped count from filling the disk.</summary>
    public const int MaxRows = 250_000;

    /// <summary>Rows in the feed, duplicates included (1 to <see cref="MaxRows"/>).</summary>
    public int Rows { get; init; } = 25_000;

    /// <summary>Seed of the pseudo-random sequence; the same seed and options always give the same bytes.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Number of distinct owners (1 to 1,000); owners with few rows may not appear in a small feed.</summary>
    public int Organisations { get; init; } = 190;

    /// <summary>Share of rows that repeat an earlier repository (0 to 0.5).</summary>
    public double DuplicateRate { get; init; } = 0.03;

    /// <summary>Share of repositories whose <c>pushedAt</c> is null (0 to 1).</summary>
    public double NullPushedAtRate { get; init; } = 0.04;

    /// <summary>Share of timestamped rows written with milliseconds (<c>.000Z</c>) rather than without (0 to 1).</summary>
    public double MillisecondSpellingRate { get; init; } = 0.5;

    /// <summary>The instant the feed was taken; no timestamp in the feed is later.</summary>
    public DateTimeOffset SnapshotAt { get; init; } = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Describes the first setting outside its range, or returns null when every setting is valid.</summary>
    public string? FindProblem()
    {
        if (Rows is < 1 or > MaxRows)
        {
            return $"rows is {Rows}; it must be between 1 and {MaxRows:N0}.";
        }

        if (Organisations is < 1 or > 1_000)
        {
            return $"organisations is {Organisations}; it must be between 1 and 1,000.";
        }

        return RateProblem(DuplicateRate, 0.5, "duplicate rate")
            ?? RateProblem(NullPushedAtRate, 1, "null pushedAt rate")
            ?? RateProblem(MillisecondSpellingRate, 1, "millisecond spelling rate");
    }

    private static string? RateProblem(double value, double max, string name) =>
        double.IsNaN(value) || value < 0 || value > max
            ? $"{name} is {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}; it must be between 0 and {max}."
            : null;
}
