using RepoCache.Kv.Semantics;
using RepoCache.Kv.Tests.Support;

namespace RepoCache.Kv.Tests.Binding;

public abstract class ListTests(StoreKind store) : EmulatorTestBase(store)
{
    public sealed class InMemory() : ListTests(StoreKind.InMemory);

    public sealed class LiteDb() : ListTests(StoreKind.LiteDb);

    private async Task PutKeys(params string[] keys)
    {
        foreach (var key in keys)
        {
            await Kv.PutTextAsync(key, "v");
        }
    }

    private static List<string> Names(KvListResult page) => [.. page.Keys.Select(key => key.Name)];

    [Fact]
    public async Task Limit_of_1000_is_accepted()
    {
        await PutKeys("a");

        (await Kv.ListAsync(new KvListOptions(Limit: 1000))).Keys.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Limit_of_1001_is_rejected_with_400()
    {
        var error = await ShouldFail(() => Kv.ListAsync(new KvListOptions(Limit: 1001)));

        error.StatusCode.ShouldBe(400);
        error.Message.ShouldBe("KV GET failed: 400 Invalid key_count_limit of 1001. Please specify an integer less than 1000.");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task Limit_of_zero_or_less_means_1000(int limit)
    {
        for (var index = 0; index < 1001; index++)
        {
            await Kv.PutTextAsync($"k{index:D4}", "v");
        }

        var page = await Kv.ListAsync(new KvListOptions(Limit: limit));

        page.Keys.Count.ShouldBe(1000);
        page.ListComplete.ShouldBeFalse();
    }

    [Fact]
    public async Task Cursor_pages_until_list_complete()
    {
        await PutKeys("e", "a", "d", "b", "c");

        var first = await Kv.ListAsync(new KvListOptions(Limit: 2));
        var second = await Kv.ListAsync(new KvListOptions(Limit: 2, Cursor: first.Cursor));
        var third = await Kv.ListAsync(new KvListOptions(Limit: 2, Cursor: second.Cursor));

        Names(first).ShouldBe(["a", "b"]);
        first.ListComplete.ShouldBeFalse();
        first.Cursor.ShouldNotBeNullOrEmpty();
        Names(second).ShouldBe(["c", "d"]);
        Names(third).ShouldBe(["e"]);
        third.ListComplete.ShouldBeTrue();
        third.Cursor.ShouldBeNull();
    }

    [Fact]
    public async Task Page_ending_at_last_key_is_complete()
    {
        await PutKeys("a", "b");

        var page = await Kv.ListAsync(new KvListOptions(Limit: 2));

        page.ListComplete.ShouldBeTrue();
        page.Cursor.ShouldBeNull();
    }

    [Fact]
    public async Task Keys_deleted_between_pages_shift_nothing()
    {
        await PutKeys("a", "b", "c", "d", "e");
        var first = await Kv.ListAsync(new KvListOptions(Limit: 2));

        await Kv.DeleteAsync("a");
        await Kv.DeleteAsync("b");
        var second = await Kv.ListAsync(new KvListOptions(Limit: 2, Cursor: first.Cursor));

        Names(second).ShouldBe(["c", "d"]);
    }

    [Fact]
    public async Task Keys_added_between_pages_follow_the_cursor()
    {
        await PutKeys("b", "d", "f");
        var first = await Kv.ListAsync(new KvListOptions(Limit: 2));

        await PutKeys("a", "e");
        var rest = await Kv.ListAsync(new KvListOptions(Cursor: first.Cursor));

        Names(first).ShouldBe(["b", "d"]);
        Names(rest).ShouldBe(["e", "f"]);
    }

    [Fact]
    public async Task Cursor_of_deleted_key_still_works()
    {
        await PutKeys("a", "b", "c");
        var first = await Kv.ListAsync(new KvListOptions(Limit: 2));

        await Kv.DeleteAsync("b");
        var rest = await Kv.ListAsync(new KvListOptions(Cursor: first.Cursor));

        Names(rest).ShouldBe(["c"]);
    }

    [Fact]
    public async Task Prefix_matches_exact_bytes_case_sensitively()
    {
        await PutKeys("repo:a", "repo:b", "Repo:c", "repo", "repo:%", "repox");

        var page = await Kv.ListAsync(new KvListOptions(Prefix: "repo:"));

        Names(page).ShouldBe(["repo:%", "repo:a", "repo:b"]);
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("\\")]
    public async Task Prefix_characters_have_no_wildcard_meaning(string prefix)
    {
        await PutKeys("%a", "_a", "\\a", "xa");

        var page = await Kv.ListAsync(new KvListOptions(Prefix: prefix));

        Names(page).ShouldBe([prefix + "a"]);
    }

    [Fact]
    public async Task Prefix_above_U_FFFF_matches_only_its_own_keys()
    {
        await PutKeys("\U0001D655-a", "\U0001D655-b", "\uFF3A-a", "\U0001D656");

        var page = await Kv.ListAsync(new KvListOptions(Prefix: "\U0001D655"));

        Names(page).ShouldBe(["\U0001D655-a", "\U0001D655-b"]);
    }

    [Fact]
    public async Task Prefix_with_a_cursor_pages_within_the_prefix()
    {
        await PutKeys("p1", "p2", "p3", "q1");

        var first = await Kv.ListAsync(new KvListOptions(Limit: 2, Prefix: "p"));
        var second = await Kv.ListAsync(new KvListOptions(Limit: 2, Prefix: "p", Cursor: first.Cursor));

        Names(second).ShouldBe(["p3"]);
        second.ListComplete.ShouldBeTrue();
    }

    [Fact]
    public async Task Cursor_outside_the_prefix_range_is_clamped()
    {
        await PutKeys("a", "p1", "p2", "z");
        var beforePrefix = (await Kv.ListAsync(new KvListOptions(Limit: 1))).Cursor;
        var afterPrefix = ListCursor.Encode("z"u8);

        var fromBefore = await Kv.ListAsync(new KvListOptions(Prefix: "p", Cursor: beforePrefix));
        var fromAfter = await Kv.ListAsync(new KvListOptions(Prefix: "p", Cursor: afterPrefix));

        Names(fromBefore).ShouldBe(["p1", "p2"]);
        Names(fromAfter).ShouldBeEmpty();
        fromAfter.ListComplete.ShouldBeTrue();
    }

    [Fact]
    public async Task Prefix_over_512_bytes_is_rejected()
    {
        await Should.NotThrowAsync(() => Kv.ListAsync(new KvListOptions(Prefix: new string('p', 512))));

        var error = await ShouldFail(() => Kv.ListAsync(new KvListOptions(Prefix: new string('p', 513))));

        error.StatusCode.ShouldBe(414);
        error.Message.ShouldBe("KV GET failed: 414 UTF-8 encoded length of 513 exceeds key length limit of 512.");
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("====")]
    public async Task Malformed_cursor_is_rejected_naming_it(string cursor)
    {
        var error = await ShouldFail(() => Kv.ListAsync(new KvListOptions(Cursor: cursor)));

        error.StatusCode.ShouldBe(400);
        error.ErrorCode.ShouldBe(KvErrorCodes.InvalidListOptions);
        error.Message.ShouldContain($"'{cursor}'");
    }

    [Fact]
    public async Task Listed_keys_leave_out_missing_expiration_and_metadata()
    {
        await Kv.PutTextAsync("plain", "v");
        await Kv.PutTextAsync("rich", "v", new KvPutOptions(ExpirationTtl: 300, MetadataJson: "{\"n\":1}"));

        var keys = (await Kv.ListAsync()).Keys;

        keys[0].ShouldBe(new KvListKey("plain", null, null));
        keys[1].ShouldBe(new KvListKey("rich", NowSeconds + 300, "{\"n\":1}"));
    }

    [Fact]
    public async Task List_all_keys_pages_through_everything()
    {
        for (var index = 0; index < 2500; index++)
        {
            await Kv.PutTextAsync($"k{index:D4}", "v");
        }

        var names = new List<string>();
        await foreach (var key in Kv.ListAllKeysAsync())
        {
            names.Add(key.Name);
        }

        names.Count.ShouldBe(2500);
        names.ShouldBeInOrder(SortDirection.Ascending, StringComparer.Ordinal);
    }

    [Fact]
    public async Task Empty_namespace_lists_as_complete_with_no_keys()
    {
        var page = await Kv.ListAsync();

        page.Keys.ShouldBeEmpty();
        page.ListComplete.ShouldBeTrue();
        page.Cursor.ShouldBeNull();
    }
}
