using RepoCache.Ingest.Feed;
using RepoCache.Ingest.Sharding;

namespace RepoCache.Ingest.Tests;

public sealed class ShardSelectorTests
{
    private static List<FeedRow> Rows(int count) =>
        Enumerable.Range(0, count).Select(i => new FeedRow(i, $"owner{i % 7}", $"repo-{i}", null)).ToList();

    [Fact]
    public void Shards_cover_every_row_exactly_once()
    {
        var rows = Rows(500);

        var shards = Enumerable.Range(1, 4).Select(number => ShardSelector.Select(rows, new ShardSpec(number, 4))).ToList();

        shards.Sum(shard => shard.Count).ShouldBe(500);
        shards.SelectMany(shard => shard).Select(row => row.Key).Distinct().Count().ShouldBe(500);
        shards.ShouldAllBe(shard => shard.Count > 50);
    }

    [Fact]
    public void Shard_membership_survives_shuffling()
    {
        var rows = Rows(300);
        var shuffled = rows.OrderBy(row => (row.Index * 7919) % 301).Select((row, i) => row with { Index = i }).ToList();

        for (var number = 1; number <= 3; number++)
        {
            var spec = new ShardSpec(number, 3);
            var original = ShardSelector.Select(rows, spec).Select(row => row.Key).Order().ToList();
            var reordered = ShardSelector.Select(shuffled, spec).Select(row => row.Key).Order().ToList();

            reordered.ShouldBe(original);
        }
    }

    [Fact]
    public void Shard_ignores_case()
    {
        ShardSelector.ShardOf("BathnesDevelopment", "Scripts", 16).ShouldBe(ShardSelector.ShardOf("bathnesdevelopment", "SCRIPTS", 16));
    }

    [Fact]
    public void Shard_of_known_name_is_fixed()
    {
        // Pinned so a change of hash function, which would move repositories between shards, fails here.
        var shards = new[] { ("wmfs", "chimp"), ("uktrade", "contact-ukti"), ("nhsx", "HSMA4-12-DES-rheum"), ("wmfs", "hakken"), ("BarnsleyCouncil", "design-guide"), ("uktrade", "export-concept") }
            .Select(pair => ShardSelector.ShardOf(pair.Item1, pair.Item2, 4))
            .ToList();

        shards.ShouldBe([4, 4, 4, 1, 1, 3]);
    }

    [Theory]
    [InlineData("1/1", 1, 1)]
    [InlineData("2/4", 2, 4)]
    [InlineData("4/4", 4, 4)]
    public void ShardSpec_parses_valid_text(string text, int number, int count)
    {
        ShardSpec.TryParse(text, out var shard, out _).ShouldBeTrue();

        shard.ShouldBe(new ShardSpec(number, count));
    }

    [Theory]
    [InlineData("0/4", "counts from 1 to 4")]
    [InlineData("5/4", "counts from 1 to 4")]
    [InlineData("1/0", "between 1 and")]
    [InlineData("1", "write it as i/N")]
    [InlineData("a/b", "write it as i/N")]
    [InlineData("-1/4", "write it as i/N")]
    [InlineData("", "write it as i/N")]
    public void ShardSpec_rejects_invalid_text(string text, string messagePart)
    {
        ShardSpec.TryParse(text, out _, out var problem).ShouldBeFalse();

        problem.ShouldContain(messagePart);
        problem.ShouldContain($"'{text}'");
    }
}
