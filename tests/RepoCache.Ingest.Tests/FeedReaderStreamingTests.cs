using System.Text;
using RepoCache.Ingest.Feed;
using RepoCache.Ingest.Tests.Support;

namespace RepoCache.Ingest.Tests;

public sealed class FeedReaderStreamingTests
{
    private const string MixedFeed = """
        [
          {"owner": "BathnesDevelopment", "name": "Scripts", "url": "https://github.com/x", "topics": ["a", {"b": [1, 2]}], "pushedAt": "2015-02-19T22:33:33.000Z"},
          {"owner": 7, "name": "bad"},
          {"owner": "bathnesdevelopment", "name": "SCRIPTS", "pushedAt": "2016-01-01T00:00:00Z", "extra": {"owner": "nested", "name": "ignored"}},
          "not a row",
          {"owner": "wmfs", "name": "chimp", "pushedAt": null, "stars": 12.5e3, "archived": false, "license": null},
          {"name": "no-owner"},
          {"owner": "o\u0077ner-escaped", "name": "caf\u00e9"}
        ]
        """;

    private static Task<FeedLoadResult> Read(byte[] bytes, int? limit = null) =>
        FeedReader.ReadAsync(new MemoryStream(bytes), limit, CancellationToken.None);

    private static string Describe(FeedLoadResult result) =>
        string.Join("\n", result.Rows.Select(row => $"{row.Index} {row.Owner}/{row.Name} {row.PushedAt:O}"))
        + "\n" + string.Join("\n", result.Problems.Select(problem => $"{problem.Index} {problem.Field} {problem.Reason} {problem.Owner} {problem.Name}"))
        + $"\n{result.TotalRows} {result.DuplicatesMerged}";

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(64)]
    public async Task Reader_gives_same_result_for_split_reads(int bytesPerRead)
    {
        var bytes = Encoding.UTF8.GetBytes(MixedFeed);
        var whole = await Read(bytes);

        var trickled = await FeedReader.ReadAsync(new TrickleStream(bytes, bytesPerRead), null, CancellationToken.None);

        Describe(trickled).ShouldBe(Describe(whole));
        whole.Rows.Count.ShouldBe(2);
        whole.Problems.Select(problem => (problem.Index, problem.Field)).ShouldBe([(1, "owner"), (3, "row"), (5, "owner"), (6, "name")]);
        whole.DuplicatesMerged.ShouldBe(1);
        whole.TotalRows.ShouldBe(7);
    }

    [Fact]
    public async Task Reader_skips_unknown_and_nested_members()
    {
        var result = await Read(Encoding.UTF8.GetBytes(MixedFeed));

        result.Rows[0].Owner.ShouldBe("BathnesDevelopment");
        result.Rows[0].PushedAt.ShouldBe(new DateTimeOffset(2016, 1, 1, 0, 0, 0, TimeSpan.Zero));
        result.Rows[1].Name.ShouldBe("chimp");
    }

    [Fact]
    public async Task Reader_unescapes_member_names_and_values()
    {
        var result = await Read(Encoding.UTF8.GetBytes("""[{"\u006fwner": "octo", "n\u0061me": "hello\u002dworld"}]"""));

        var row = result.Rows.ShouldHaveSingleItem();
        row.Owner.ShouldBe("octo");
        row.Name.ShouldBe("hello-world");
    }

    [Fact]
    public async Task Reader_matches_member_names_with_case()
    {
        var result = await Read(Encoding.UTF8.GetBytes("""[{"Owner": "octo", "name": "x"}]"""));

        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Field.ShouldBe("owner");
        problem.Reason.ShouldContain("missing");
    }

    [Fact]
    public async Task Reader_takes_last_value_of_repeated_member()
    {
        var result = await Read(Encoding.UTF8.GetBytes("""[{"owner": 1, "name": "x", "owner": "octo"}, {"owner": "a", "name": "b", "pushedAt": "2020-01-01T00:00:00Z", "pushedAt": null}]"""));

        result.Problems.ShouldBeEmpty();
        result.Rows[0].Owner.ShouldBe("octo");
        result.Rows[1].PushedAt.ShouldBeNull();
    }

    [Fact]
    public void Validator_takes_last_value_of_repeated_member_in_parsed_element()
    {
        using var document = System.Text.Json.JsonDocument.Parse("""{"owner": 1, "name": "x", "owner": "octo"}""");

        var (row, problem) = FeedRowValidator.Validate(0, document.RootElement);

        problem.ShouldBeNull();
        row!.Owner.ShouldBe("octo");
    }

    [Fact]
    public async Task Reader_skips_byte_order_mark()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("""[{"owner": "octo", "name": "x"}]""")).ToArray();

        var whole = await Read(bytes);
        var trickled = await FeedReader.ReadAsync(new TrickleStream(bytes, 1), null, CancellationToken.None);

        whole.Rows.ShouldHaveSingleItem().Owner.ShouldBe("octo");
        trickled.Rows.ShouldHaveSingleItem().Owner.ShouldBe("octo");
    }

    [Fact]
    public async Task Reader_reads_row_larger_than_buffer()
    {
        var description = new string('d', 3_000_000);
        var json = $$"""[{"owner": "first", "name": "x"}, {"description": "{{description}}", "owner": "octo", "name": "big", "pushedAt": "2020-05-05T05:05:05Z"}, {"owner": "last", "name": "y"}]""";

        var result = await Read(Encoding.UTF8.GetBytes(json));

        result.Rows.Select(row => row.Owner).ShouldBe(["first", "octo", "last"]);
        result.Rows[1].PushedAt.ShouldBe(new DateTimeOffset(2020, 5, 5, 5, 5, 5, TimeSpan.Zero));
    }

    [Fact]
    public async Task Reader_keeps_order_and_limit_over_many_reads()
    {
        var rows = Enumerable.Range(0, 20_000).Select(i => $$"""{"owner": "org{{i % 50}}", "name": "repo-{{i}}", "note": "{{new string('n', i % 90)}}"}""");
        var bytes = Encoding.UTF8.GetBytes("[" + string.Join(",\n", rows) + "]");

        var all = await Read(bytes);
        var limited = await Read(bytes, limit: 15_000);

        all.Rows.Count.ShouldBe(20_000);
        all.Rows.Select(row => row.Index).ShouldBe(Enumerable.Range(0, 20_000));
        limited.Rows.Count.ShouldBe(15_000);
        limited.Rows[^1].Name.ShouldBe("repo-14999");
        limited.TotalRows.ShouldBe(20_000);
    }

    [Theory]
    [InlineData("[{\"owner\": \"o\", \"name\": \"x\"}] trailing")]
    [InlineData("[{\"owner\": \"o\", \"name\": \"x\"}")]
    [InlineData("[")]
    [InlineData("\"just a string\"")]
    [InlineData("[{\"owner\": \"o\" \"name\": \"x\"}]")]
    public async Task Reader_rejects_broken_document_read_bytewise(string json)
    {
        var exception = await Should.ThrowAsync<FeedException>(() =>
            FeedReader.ReadAsync(new TrickleStream(Encoding.UTF8.GetBytes(json), 1), null, CancellationToken.None));

        exception.Message.ShouldContain("not a valid JSON array");
    }

    [Fact]
    public async Task Reader_rejects_string_that_is_not_UTF8()
    {
        var bytes = Encoding.UTF8.GetBytes("""[{"owner": "o", "name": "AB"}]""");
        var at = Array.IndexOf(bytes, (byte)'A');
        bytes[at] = 0xC3;
        bytes[at + 1] = 0x28;

        var exception = await Should.ThrowAsync<FeedException>(() => Read(bytes));

        exception.Message.ShouldContain("not a valid JSON array");
    }
}
