using System.Text;
using RepoCache.Kv.Tests.Support;

namespace RepoCache.Kv.Tests.Binding;

public abstract class KeyTests(StoreKind store) : EmulatorTestBase(store)
{
    public sealed class InMemory() : KeyTests(StoreKind.InMemory);

    public sealed class LiteDb() : KeyTests(StoreKind.LiteDb);

    [Fact]
    public async Task Put_with_key_of_512_bytes_round_trips()
    {
        var key = new string('k', 512);

        await Kv.PutTextAsync(key, "v");

        (await Kv.GetTextAsync(key)).ShouldBe("v");
    }

    [Fact]
    public async Task Put_with_key_of_513_bytes_is_rejected_with_414()
    {
        var error = await ShouldFail(() => Kv.PutTextAsync(new string('k', 513), "v"));

        error.StatusCode.ShouldBe(414);
        error.Message.ShouldBe("KV PUT failed: 414 UTF-8 encoded length of 513 exceeds key length limit of 512.");
    }

    [Fact]
    public async Task Key_limit_counts_four_byte_characters()
    {
        var atLimit = string.Concat(Enumerable.Repeat("\U0001F600", 128));
        var pastLimit = atLimit + "\U0001F600";

        await Kv.PutTextAsync(atLimit, "at limit");
        var error = await ShouldFail(() => Kv.GetTextAsync(pastLimit));

        (await Kv.GetTextAsync(atLimit)).ShouldBe("at limit");
        error.Message.ShouldBe("KV GET failed: 414 UTF-8 encoded length of 516 exceeds key length limit of 512.");
    }

    [Fact]
    public async Task Delete_with_long_key_reports_the_delete_label()
    {
        var error = await ShouldFail(() => Kv.DeleteAsync(new string('k', 600)));

        error.Message.ShouldBe("KV DELETE failed: 414 UTF-8 encoded length of 600 exceeds key length limit of 512.");
    }

    [Theory]
    [InlineData("", "Key name cannot be empty.")]
    [InlineData(".", "\".\" is not allowed as a key name.")]
    [InlineData("..", "\"..\" is not allowed as a key name.")]
    public async Task Forbidden_keys_are_rejected_by_every_operation(string key, string message)
    {
        var put = await ShouldFail(() => Kv.PutTextAsync(key, "v"));
        var get = await ShouldFail(() => Kv.GetWithMetadataAsync(key));
        var delete = await ShouldFail(() => Kv.DeleteAsync(key));

        put.Message.ShouldBe(message);
        get.Message.ShouldBe(message);
        delete.Message.ShouldBe(message);
        put.StatusCode.ShouldBe(400);
    }

    [Fact]
    public async Task Key_with_unpaired_surrogate_is_rejected()
    {
        var error = await ShouldFail(() => Kv.PutTextAsync("ab\uD800", "v"));

        error.StatusCode.ShouldBe(400);
        error.Message.ShouldContain("unpaired UTF-16 surrogate at index 2");
    }

    [Theory]
    [InlineData("Foo", "foo")]
    [InlineData("\u00E9", "e\u0301")]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("\U0001D655", "\uFF3A")]
    [InlineData("stra\u00DFe", "strasse")]
    [InlineData("I", "\u0131")]
    public async Task Keys_that_look_alike_stay_apart(string first, string second)
    {
        await Kv.PutTextAsync(first, "first");
        await Kv.PutTextAsync(second, "second");

        (await Kv.GetTextAsync(first)).ShouldBe("first");
        (await Kv.GetTextAsync(second)).ShouldBe("second");
        (await Kv.ListAsync()).Keys.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Keys_are_listed_in_utf8_byte_order()
    {
        string[] keys = ["\U0001D655", "foo", "\uFF3A", "Z", "e\u0301", "\u00E9", "a%2Fb", "Foo", "a/b", "\uE000", "~"];
        foreach (var key in keys)
        {
            await Kv.PutTextAsync(key, key);
        }

        var listed = (await Kv.ListAsync()).Keys.Select(key => key.Name).ToList();

        listed.ShouldBe(["Foo", "Z", "a%2Fb", "a/b", "e\u0301", "foo", "~", "\u00E9", "\uE000", "\uFF3A", "\U0001D655"]);
    }

    [Fact]
    public async Task Listed_order_matches_sorting_the_utf8_bytes()
    {
        string[] keys = ["\U0001F600", "\uFFFD", "\u0080", "\u007F", "\u07FF", "\u0800", "\U00010000", "\uD7FF", "\uE000"];
        foreach (var key in keys)
        {
            await Kv.PutTextAsync(key, "v");
        }

        var listed = (await Kv.ListAsync()).Keys.Select(key => key.Name).ToList();

        var expected = keys.OrderBy(key => Convert.ToHexString(Encoding.UTF8.GetBytes(key)), StringComparer.Ordinal).ToList();
        listed.ShouldBe(expected);
    }
}
