using System.Text;
using RepoCache.Ingest.Feed;

namespace RepoCache.Ingest.Tests;

public sealed class FeedReaderTests
{
    private static Task<FeedLoadResult> Read(string json, int? limit = null) =>
        FeedReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), limit, CancellationToken.None);

    [Fact]
    public async Task Valid_rows_are_read_in_feed_order()
    {
        var result = await Read("""
            [
              {"owner": "BathnesDevelopment", "name": "Scripts", "pushedAt": "2015-02-19T22:33:33.000Z"},
              {"owner": "uktrade", "name": "export-concept", "pushedAt": "2017-07-13T12:12:40Z"},
              {"owner": "wmfs", "name": "chimp", "pushedAt": null}
            ]
            """);

        result.Rows.Select(row => $"{row.Owner}/{row.Name}").ShouldBe(["BathnesDevelopment/Scripts", "uktrade/export-concept", "wmfs/chimp"]);
        result.Rows[0].PushedAt.ShouldBe(new DateTimeOffset(2015, 2, 19, 22, 33, 33, TimeSpan.Zero));
        result.Rows[1].PushedAt.ShouldBe(new DateTimeOffset(2017, 7, 13, 12, 12, 40, TimeSpan.Zero));
        result.Rows[2].PushedAt.ShouldBeNull();
        result.Problems.ShouldBeEmpty();
        result.TotalRows.ShouldBe(3);
    }

    [Fact]
    public async Task Missing_pushedAt_reads_as_null()
    {
        var result = await Read("""[{"owner": "wmfs", "name": "hakken"}]""");

        result.Rows.ShouldHaveSingleItem().PushedAt.ShouldBeNull();
    }

    [Theory]
    [InlineData("""{"name": "x"}""", "owner", "missing")]
    [InlineData("""{"owner": "o"}""", "name", "missing")]
    [InlineData("""{"owner": 42, "name": "x"}""", "owner", "number")]
    [InlineData("""{"owner": "o", "name": ["x"]}""", "name", "array")]
    [InlineData("""{"owner": null, "name": "x"}""", "owner", "null")]
    [InlineData("""{"owner": "", "name": "x"}""", "owner", "empty")]
    [InlineData("""{"owner": "-bad", "name": "x"}""", "owner", "hyphen")]
    [InlineData("""{"owner": "has space", "name": "x"}""", "owner", "' '")]
    [InlineData("""{"owner": "o", "name": "a/b"}""", "name", "'/'")]
    [InlineData("""{"owner": "o", "name": ".."}""", "name", "reserved")]
    [InlineData("""{"owner": "o", "name": "émoji"}""", "name", "'é'")]
    [InlineData("""{"owner": "o", "name": "x", "pushedAt": "yesterday"}""", "pushedAt", "yesterday")]
    [InlineData("""{"owner": "o", "name": "x", "pushedAt": "2015-02-19T22:33:33"}""", "pushedAt", "offset")]
    [InlineData("""{"owner": "o", "name": "x", "pushedAt": 1424385213}""", "pushedAt", "number")]
    [InlineData("""{"owner": "o", "name": "x", "pushedAt": true}""", "pushedAt", "boolean")]
    [InlineData("""["o", "x"]""", "row", "array")]
    [InlineData("""null""", "row", "null")]
    [InlineData("\"o/x\"", "row", "string")]
    public async Task Invalid_row_is_reported_and_skipped(string row, string field, string reasonPart)
    {
        var result = await Read($$"""[{"owner": "good", "name": "first"}, {{row}}, {"owner": "good", "name": "last"}]""");

        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Index.ShouldBe(1);
        problem.Field.ShouldBe(field);
        problem.Reason.ShouldContain(reasonPart);
        result.Rows.Select(r => r.Name).ShouldBe(["first", "last"]);
        result.TotalRows.ShouldBe(3);
    }

    [Fact]
    public async Task Huge_string_is_rejected_with_a_shortened_value()
    {
        var huge = new string('a', 2_000_000);

        var result = await Read($$"""[{"owner": "o", "name": "{{huge}}"}]""");

        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Field.ShouldBe("name");
        problem.Reason.ShouldContain("2000000 characters");
        problem.Reason.Length.ShouldBeLessThan(400);
        problem.Name!.Length.ShouldBeLessThan(200);
    }

    [Fact]
    public async Task Duplicates_merge_keeping_later_pushedAt()
    {
        var result = await Read("""
            [
              {"owner": "BathnesDevelopment", "name": "Scripts", "pushedAt": "2015-02-19T22:33:33.000Z"},
              {"owner": "bathnesdevelopment", "name": "SCRIPTS", "pushedAt": "2016-01-01T00:00:00Z"},
              {"owner": "BATHNESDEVELOPMENT", "name": "scripts", "pushedAt": "2014-01-01T00:00:00Z"},
              {"owner": "wmfs", "name": "chimp", "pushedAt": null}
            ]
            """);

        result.DuplicatesMerged.ShouldBe(2);
        result.Rows.Count.ShouldBe(2);
        result.Rows[0].Owner.ShouldBe("BathnesDevelopment");
        result.Rows[0].Name.ShouldBe("Scripts");
        result.Rows[0].Index.ShouldBe(0);
        result.Rows[0].PushedAt.ShouldBe(new DateTimeOffset(2016, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task Duplicate_with_pushedAt_replaces_null()
    {
        var result = await Read("""[{"owner": "o", "name": "x", "pushedAt": null}, {"owner": "o", "name": "x", "pushedAt": "2020-05-05T05:05:05Z"}]""");

        result.Rows.ShouldHaveSingleItem().PushedAt.ShouldBe(new DateTimeOffset(2020, 5, 5, 5, 5, 5, TimeSpan.Zero));
    }

    [Fact]
    public async Task Limit_takes_first_valid_unique_rows()
    {
        var result = await Read("""
            [
              {"owner": "o", "name": "a"},
              {"owner": 1, "name": "bad"},
              {"owner": "O", "name": "A"},
              {"owner": "o", "name": "b"},
              {"owner": "o", "name": "c"},
              {"owner": "o", "name": "d"}
            ]
            """, limit: 2);

        result.Rows.Select(row => row.Name).ShouldBe(["a", "b"]);
        result.DuplicatesMerged.ShouldBe(1);
        result.Problems.Count.ShouldBe(1);
        result.TotalRows.ShouldBe(6);
    }

    [Fact]
    public async Task Empty_array_gives_no_rows()
    {
        var result = await Read("[]");

        result.Rows.ShouldBeEmpty();
        result.TotalRows.ShouldBe(0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json at all")]
    [InlineData("""{"owner": "o", "name": "x"}""")]
    [InlineData("42")]
    [InlineData("""[{"owner": "o", "name": "x"}, {"owner": "o", "na""")]
    [InlineData("""[{"owner": "o", "name": "x"}""")]
    [InlineData("""[{"owner": "o", "name": "x"},]""")]
    public async Task Broken_file_raises_FeedException(string json)
    {
        var exception = await Should.ThrowAsync<FeedException>(() => Read(json));

        exception.Message.ShouldContain("not a valid JSON array");
    }
}
