namespace RepoCache.Verification.Fixtures.Generator;

/// <summary>
/// Builds a synthetic repository feed shaped like the cross-government feed: mixed-case owners with a
/// long-tailed number of repositories each, duplicate rows, both <c>pushedAt</c> spellings, nulls, shuffled order.
/// </summary>
public static partial class FeedGenerator
{
    // A duplicate row repeats an earlier repository. This share of them spells the owner in another case,
    // which GitHub treats as the same owner.
    private const double CaseVariantShare = 0.25;

    // Organisation sizes follow a Zipf law with this exponent, so a few owners hold hundreds of repositories.
    private const double OwnerSizeExponent = 0.9;

    private static readonly DateTimeOffset EarliestCreatedAt = new(2010, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Generates the rows for <paramref name="options"/>. The same options always give the same rows.
    /// Throws <see cref="ArgumentException"/> when a setting is outside its range.
    /// </summary>
    public static GeneratedFeed Generate(FeedGeneratorOptions options)
    {
        if (options.FindProblem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        var random = new Random(options.Seed);

        var owners = CreateOwners(random, options.Organisations);
        var ownerWeights = CumulativeZipfWeights(owners.Count);

        var duplicateCount = (int)Math.Round(options.Rows * options.DuplicateRate);
        var uniqueCount = options.Rows - duplicateCount;

        var rows = new List<SyntheticRepository>(options.Rows);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < uniqueCount; i++)
        {
            var owner = owners[PickWeighted(random, ownerWeights)];
            var name = CreateUniqueName(random, owner, keys);
            rows.Add(CreateRepository(random, options, owner, name));
        }

        var caseVariants = 0;
        for (var i = 0; i < duplicateCount; i++)
        {
            var original = rows[random.Next(uniqueCount)];
            var duplicate = original;
            if (random.NextDouble() < CaseVariantShare)
            {
                duplicate = original with { Owner = ChangeCase(original.Owner) };
                caseVariants += duplicate.Owner == original.Owner ? 0 : 1;
            }

            rows.Add(duplicate);
        }

        Shuffle(random, rows);

        return new GeneratedFeed(rows, Summarise(rows, uniqueCount, duplicateCount, caseVariants));
    }

    private static SyntheticRepository CreateRepository(Random random, FeedGeneratorOptions options, string owner, string name)
    {
        var snapshot = options.SnapshotAt;
        var createdAt = RandomInstant(random, EarliestCreatedAt, snapshot.AddDays(-1));

        DateTimeOffset? pushedAt = random.NextDouble() < options.NullPushedAtRate
            ? null
            : RandomInstant(random, createdAt, snapshot);
        var updatedAt = RandomInstant(random, pushedAt ?? createdAt, snapshot);

        return new SyntheticRepository(
            Owner: owner,
            Name: name,
            Archived: random.NextDouble() < 0.12,
            License: random.NextDouble() < 0.35 ? null : Pick(random, Vocabulary.Licenses),
            StargazersCount: LongTailCount(random, 8),
            Language: random.NextDouble() < 0.15 ? null : Pick(random, Vocabulary.Languages),
            ForksCount: LongTailCount(random, 6),
            OpenIssuesCount: LongTailCount(random, 4),
            CreatedAt: createdAt,
            UpdatedAt: updatedAt,
            PushedAt: pushedAt,
            Description: random.NextDouble() < 0.25 ? null : CreateDescription(random),
            WithMilliseconds: random.NextDouble() < options.MillisecondSpellingRate);
    }

    private static FeedSummary Summarise(List<SyntheticRepository> rows, int uniqueCount, int duplicateCount, int caseVariants)
    {
        var nulls = rows.Count(row => row.PushedAt is null);
        var milliseconds = rows.Count(row => row.PushedAt is not null && row.WithMilliseconds);
        var organisations = rows.Select(row => row.Owner.ToLowerInvariant()).Distinct(StringComparer.Ordinal).Count();

        return new FeedSummary(
            Rows: rows.Count,
            UniqueRepositories: uniqueCount,
            DuplicateRows: duplicateCount,
            CaseVariantDuplicates: caseVariants,
            Organisations: organisations,
            NullPushedAt: nulls,
            MillisecondSpelling: milliseconds,
            SecondSpelling: rows.Count - nulls - milliseconds);
    }

    private static double[] CumulativeZipfWeights(int count)
    {
        var cumulative = new double[count];
        var total = 0.0;
        for (var rank = 1; rank <= count; rank++)
        {
            total += 1.0 / Math.Pow(rank, OwnerSizeExponent);
            cumulative[rank - 1] = total;
        }

        for (var i = 0; i < count; i++)
        {
            cumulative[i] /= total;
        }

        return cumulative;
    }

    private static int PickWeighted(Random random, double[] cumulative)
    {
        var index = Array.BinarySearch(cumulative, random.NextDouble());
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }

    private static DateTimeOffset RandomInstant(Random random, DateTimeOffset from, DateTimeOffset to)
    {
        var seconds = (long)((to - from).TotalSeconds * random.NextDouble());
        return from.AddSeconds(seconds);
    }

    // Most repositories have a handful of stars or forks, a few have hundreds.
    private static int LongTailCount(Random random, double scale) =>
        (int)Math.Floor(Math.Exp(random.NextDouble() * scale)) - 1;

    private static void Shuffle(Random random, List<SyntheticRepository> rows)
    {
        for (var i = rows.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (rows[i], rows[j]) = (rows[j], rows[i]);
        }
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
