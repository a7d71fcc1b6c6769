using System.Text.Json;
using RepoCache.Proxy.Contract;
using RepoCache.Verification.Fixtures.Generator;

namespace RepoCache.Verification.Tests.Generator;

public sealed class FeedGeneratorTests
{
    private static readonly FeedGeneratorOptions RealSize = new() { Rows = 25_000, Seed = 1 };

    // Generating and parsing 25,000 rows once keeps the class fast; no test changes the list.
    private static readonly Lazy<Task<List<ParsedRow>>> RealSizeRows = new(() => WriteAndParseAsync(RealSize));

    [Fact]
    public async Task Same_seed_writes_same_bytes()
    {
        var first = await WriteAsync(new FeedGeneratorOptions { Rows = 3_000, Seed = 7 });
        var second = await WriteAsync(new FeedGeneratorOptions { Rows = 3_000, Seed = 7 });

        second.ShouldBe(first);
    }

    [Fact]
    public async Task Different_seeds_write_different_feeds()
    {
        var first = await WriteAsync(new FeedGeneratorOptions { Rows = 3_000, Seed = 1 });
        var second = await WriteAsync(new FeedGeneratorOptions { Rows = 3_000, Seed = 2 });

        second.ShouldNotBe(first);
    }

    [Fact]
    public async Task Real_size_feed_has_three_percent_duplicates()
    {
        var rows = await RealSizeRows.Value;

        var distinct = rows.Select(row => RepositoryName.CacheKey(row.Owner, row.Name)).Distinct().Count();

        rows.Count.ShouldBe(25_000);
        (rows.Count - distinct).ShouldBe(750);
    }

    [Fact]
    public async Task Some_duplicates_spell_the_owner_in_another_case()
    {
        var rows = await RealSizeRows.Value;

        var spellingsPerRepository = rows
            .GroupBy(row => RepositoryName.CacheKey(row.Owner, row.Name))
            .Select(group => group.Select(row => row.Owner).Distinct(StringComparer.Ordinal).Count());

        spellingsPerRepository.Count(count => count > 1).ShouldBeGreaterThan(100);
    }

    [Fact]
    public async Task Feed_mixes_pushedAt_spellings_and_nulls()
    {
        var rows = await RealSizeRows.Value;

        var nulls = rows.Count(row => row.PushedAt is null);
        var withMilliseconds = rows.Count(row => row.PushedAt?.EndsWith(".000Z", StringComparison.Ordinal) == true);
        var withoutMilliseconds = rows.Count(row => row.PushedAt is { Length: 20 } text && text.EndsWith('Z'));

        nulls.ShouldBeInRange(500, 1_500);
        withMilliseconds.ShouldBeInRange(10_000, 14_000);
        withoutMilliseconds.ShouldBeInRange(10_000, 14_000);
        (nulls + withMilliseconds + withoutMilliseconds).ShouldBe(rows.Count);
    }

    [Fact]
    public async Task Summary_counts_match_the_written_rows()
    {
        var feed = FeedGenerator.Generate(RealSize);
        var rows = await RealSizeRows.Value;

        feed.Summary.Rows.ShouldBe(rows.Count);
        feed.Summary.NullPushedAt.ShouldBe(rows.Count(row => row.PushedAt is null));
        feed.Summary.MillisecondSpelling.ShouldBe(rows.Count(row => row.PushedAt?.EndsWith(".000Z", StringComparison.Ordinal) == true));
        feed.Summary.Organisations.ShouldBe(rows.Select(row => row.Owner.ToLowerInvariant()).Distinct().Count());
    }

    [Fact]
    public async Task Owners_are_mixed_case_over_about_190_organisations()
    {
        var rows = await RealSizeRows.Value;

        var owners = rows.Select(row => row.Owner.ToLowerInvariant()).Distinct().Count();
        var mixedCase = rows.Select(row => row.Owner).Distinct().Count(owner => owner.Any(char.IsAsciiLetterUpper) && owner.Any(char.IsAsciiLetterLower));
        var largestOwner = rows.GroupBy(row => row.Owner.ToLowerInvariant()).Max(group => group.Count());

        owners.ShouldBeInRange(175, 190);
        mixedCase.ShouldBeGreaterThan(50);
        largestOwner.ShouldBeGreaterThan(1_000);
    }

    [Fact]
    public async Task Every_row_follows_GitHub_name_rules()
    {
        var rows = await RealSizeRows.Value;

        foreach (var row in rows)
        {
            RepositoryName.TryValidateOwner(row.Owner, out var ownerProblem).ShouldBeTrue(ownerProblem);
            RepositoryName.TryValidateName(row.Name, out var nameProblem).ShouldBeTrue(nameProblem);
            row.Url.ShouldBe($"https://github.com/{row.Owner}/{row.Name}");
        }
    }

    [Fact]
    public async Task Names_have_realistic_lengths()
    {
        var rows = await RealSizeRows.Value;

        var lengths = rows.Select(row => row.Name.Length).ToList();

        lengths.Average().ShouldBeInRange(10, 30);
        lengths.Min().ShouldBeLessThanOrEqualTo(5);
        lengths.Max().ShouldBeInRange(35, 100);
    }

    [Fact]
    public async Task Timestamps_are_ordered_and_not_after_the_snapshot()
    {
        var rows = await RealSizeRows.Value;

        foreach (var row in rows)
        {
            var createdAt = DateTimeOffset.Parse(row.CreatedAt);
            var updatedAt = DateTimeOffset.Parse(row.UpdatedAt);
            updatedAt.ShouldBeGreaterThanOrEqualTo(createdAt);
            updatedAt.ShouldBeLessThanOrEqualTo(RealSize.SnapshotAt);
            if (row.PushedAt is not null)
            {
                PushedAt.TryParse(row.PushedAt, out var pushedAt).ShouldBeTrue(row.PushedAt);
                pushedAt!.Value.ShouldBeGreaterThanOrEqualTo(createdAt);
                pushedAt.Value.ShouldBeLessThanOrEqualTo(updatedAt);
            }
        }
    }

    [Fact]
    public async Task Rows_are_shuffled()
    {
        var rows = await RealSizeRows.Value;

        var owners = rows.Select(row => row.Owner.ToLowerInvariant()).ToList();
        var ownerChanges = owners.Zip(owners.Skip(1)).Count(pair => pair.First != pair.Second);
        var seen = new HashSet<string>();
        var firstRepeatIndex = rows.FindIndex(row => !seen.Add(RepositoryName.CacheKey(row.Owner, row.Name)));

        ownerChanges.ShouldBeGreaterThan(rows.Count * 3 / 4);
        firstRepeatIndex.ShouldBeLessThan(rows.Count / 2);
    }

    [Fact]
    public async Task Output_is_one_row_per_line()
    {
        var text = System.Text.Encoding.UTF8.GetString(await WriteAsync(new FeedGeneratorOptions { Rows = 10, Seed = 3 }));

        var lines = text.TrimEnd('\n').Split('\n');

        lines[0].ShouldBe("[");
        lines[^1].ShouldBe("]");
        lines.Length.ShouldBe(12);
        JsonDocument.Parse(text).RootElement.ValueKind.ShouldBe(JsonValueKind.Array);
    }

    [Theory]
    [InlineData(0, 0.03, "rows is 0")]
    [InlineData(250_001, 0.03, "rows is 250001")]
    [InlineData(100, 0.6, "duplicate rate is 0.6")]
    [InlineData(100, -0.1, "duplicate rate is -0.1")]
    [InlineData(100, double.NaN, "duplicate rate is NaN")]
    public void Out_of_range_options_are_rejected(int rows, double duplicateRate, string expected)
    {
        var options = new FeedGeneratorOptions { Rows = rows, DuplicateRate = duplicateRate };

        var problem = options.FindProblem();
        var error = Should.Throw<ArgumentException>(() => FeedGenerator.Generate(options));

        problem.ShouldNotBeNull();
        problem.ShouldStartWith(expected);
        error.Message.ShouldStartWith(expected);
    }

    [Fact]
    public void Zero_organisations_are_rejected()
    {
        var problem = new FeedGeneratorOptions { Organisations = 0 }.FindProblem();

        problem.ShouldBe("organisations is 0; it must be between 1 and 1,000.");
    }

    [Fact]
    public void Single_row_feed_is_valid()
    {
        var feed = FeedGenerator.Generate(new FeedGeneratorOptions { Rows = 1, Organisations = 1 });

        feed.Rows.Count.ShouldBe(1);
        feed.Summary.DuplicateRows.ShouldBe(0);
    }

    [Fact]
    public async Task File_write_replaces_old_file_atomically()
    {
        var folder = Directory.CreateTempSubdirectory("repocache-feed-");
        try
        {
            var path = Path.Combine(folder.FullName, "nested", "feed.json");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, "old content");

            var bytes = await FeedWriter.WriteFileAsync(FeedGenerator.Generate(new FeedGeneratorOptions { Rows = 50 }).Rows, path);

            bytes.ShouldBe(new FileInfo(path).Length);
            JsonDocument.Parse(await File.ReadAllTextAsync(path)).RootElement.GetArrayLength().ShouldBe(50);
            Directory.GetFiles(Path.GetDirectoryName(path)!).ShouldBe([path]);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<byte[]> WriteAsync(FeedGeneratorOptions options)
    {
        using var stream = new MemoryStream();
        await FeedWriter.WriteAsync(FeedGenerator.Generate(options).Rows, stream);
        return stream.ToArray();
    }

    private static async Task<List<ParsedRow>> WriteAndParseAsync(FeedGeneratorOptions options)
    {
        var bytes = await WriteAsync(options);
        return JsonSerializer.Deserialize<List<ParsedRow>>(bytes, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    private sealed record ParsedRow(string Owner, string Name, string Url, string CreatedAt, string UpdatedAt, string? PushedAt);
}
