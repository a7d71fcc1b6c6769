using System.Text.Json.Nodes;
using RepoCache.Proxy.Contract;
using RepoCache.Verification.Fixture;

namespace RepoCache.Verification.Tests.Fixture;

public sealed class FixtureGeneratorTests
{
    [Fact]
    public void Committed_fixture_matches_regenerated_bytes()
    {
        File.Exists(RepositoryPaths.FeedSample).ShouldBeTrue($"the feed sample is expected at {RepositoryPaths.FeedSample}");

        var generated = FixtureGenerator.Generate(RepositoryPaths.FeedSample);
        var committed = File.ReadAllBytes(RepositoryPaths.Fixture);

        generated.SequenceEqual(committed).ShouldBeTrue("fixtures/repos.json differs from what 'repocache fixtures sample' writes");
    }

    [Fact]
    public void Fixture_keeps_every_field_except_pushedAt()
    {
        var sample = JsonNode.Parse(File.ReadAllText(RepositoryPaths.FeedSample))!.AsArray();
        var fixture = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Fixture))!.AsArray();

        fixture.Count.ShouldBe(216);
        fixture.Count.ShouldBe(sample.Count);
        for (var index = 0; index < sample.Count; index++)
        {
            var before = sample[index]!.AsObject();
            var after = fixture[index]!.AsObject();
            after.Select(pair => pair.Key).ShouldBe(before.Select(pair => pair.Key), $"row {index} field order");
            foreach (var (field, value) in before.Where(pair => pair.Key != "pushedAt"))
            {
                JsonNode.DeepEquals(value, after[field]).ShouldBeTrue($"row {index} field {field}");
            }
        }
    }

    [Fact]
    public void Fixture_has_both_spellings_nulls_and_real_values()
    {
        var rows = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Fixture))!.AsArray()
            .Select(row => row!["pushedAt"]?.GetValue<string>())
            .ToList();

        rows.Count(value => value is null).ShouldBe(5);
        rows.Count(value => value?.EndsWith(".000Z", StringComparison.Ordinal) == true).ShouldBe(110);
        rows.Count(value => value is not null && !value.EndsWith(".000Z", StringComparison.Ordinal)).ShouldBe(101);
        rows[213].ShouldBe("2015-02-19T22:33:33.000Z");
        rows[214].ShouldBe("2017-07-13T12:12:40.000Z");
        rows[215].ShouldBe("2019-02-05T04:42:37.000Z");
        foreach (var value in rows.Where(value => value is not null))
        {
            PushedAt.TryParse(value, out _).ShouldBeTrue(value);
        }
    }

    [Fact]
    public void Fill_rule_keeps_feed_value()
    {
        PushedAtFillRule.Fill(39, "a", "b", "2020-01-02T03:04:05Z").ShouldBe("2020-01-02T03:04:05Z");
    }

    [Fact]
    public void Fill_rule_leaves_every_fortieth_row_null()
    {
        PushedAtFillRule.Fill(39, "Owner", "repo", null).ShouldBeNull();
        PushedAtFillRule.Fill(79, "Owner", "repo", null).ShouldBeNull();
        PushedAtFillRule.Fill(40, "Owner", "repo", null).ShouldNotBeNull();
    }

    [Fact]
    public void Fill_rule_alternates_spellings_of_one_instant()
    {
        var even = PushedAtFillRule.Fill(10, "Owner", "Repo", null)!;
        var odd = PushedAtFillRule.Fill(11, "Owner", "Repo", null)!;

        even.ShouldEndWith(".000Z");
        odd.ShouldNotContain(".");
        PushedAt.TryParse(even, out var evenInstant).ShouldBeTrue();
        PushedAt.TryParse(odd, out var oddInstant).ShouldBeTrue();
        evenInstant.ShouldBe(oddInstant);
    }

    [Fact]
    public void Fill_rule_ignores_name_case()
    {
        PushedAtFillRule.InstantFor("BathnesDevelopment", "Scripts")
            .ShouldBe(PushedAtFillRule.InstantFor("bathnesdevelopment", "scripts"));
    }

    [Fact]
    public void Fill_rule_stays_in_range()
    {
        foreach (var name in Enumerable.Range(0, 500).Select(i => $"repo-{i}"))
        {
            var instant = PushedAtFillRule.InstantFor("owner", name);
            instant.ShouldBeGreaterThanOrEqualTo(PushedAtFillRule.EarliestInstant);
            instant.ShouldBeLessThan(PushedAtFillRule.EndInstant);
        }
    }

    [Fact]
    public void Fill_rule_rejects_negative_row_index()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => PushedAtFillRule.Fill(-1, "a", "b", null));
    }

    [Fact]
    public void Generate_names_missing_sample_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.json");

        var error = Should.Throw<FileNotFoundException>(() => FixtureGenerator.Generate(path));

        error.Message.ShouldContain(path);
        error.Message.ShouldContain("--source");
    }

    [Theory]
    [InlineData("{\"owner\":\"a\"}", "must be a JSON array")]
    [InlineData("[1]", "Row 0")]
    [InlineData("[{\"owner\":\"a\"}]", "'name'")]
    [InlineData("[{\"owner\":\"a\",\"name\":\"b\"", "not valid JSON")]
    public void Generate_rejects_malformed_sample(string content, string expectedMessage)
    {
        var path = Path.Combine(Path.GetTempPath(), $"sample-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, content);
        try
        {
            var error = Should.Throw<InvalidDataException>(() => FixtureGenerator.Generate(path));

            error.Message.ShouldContain(expectedMessage);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
