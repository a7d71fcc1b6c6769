using RepoCache.Kv.Semantics;
using RepoCache.Kv.Tests.Support;

namespace RepoCache.Kv.Tests.Binding;

public abstract class BulkGetTests(StoreKind store) : EmulatorTestBase(store)
{
    public sealed class InMemory() : BulkGetTests(StoreKind.InMemory);

    public sealed class LiteDb() : BulkGetTests(StoreKind.LiteDb);

    [Fact]
    public async Task Bulk_get_of_100_keys_keeps_request_order()
    {
        var keys = Enumerable.Range(0, 100).Select(index => $"k{99 - index:D2}").ToList();
        await Kv.PutTextAsync("k05", "five");

        var values = await Kv.GetBulkTextAsync(keys);

        values.Keys.ShouldBe(keys);
        values["k05"].ShouldBe("five");
        values.Count(pair => pair.Value is null).ShouldBe(99);
    }

    [Fact]
    public async Task Bulk_get_of_101_keys_is_rejected_with_400()
    {
        var keys = Enumerable.Range(0, 101).Select(index => $"k{index}").ToList();

        var error = await ShouldFail(() => Kv.GetBulkAsync(keys));

        error.StatusCode.ShouldBe(400);
        error.Message.ShouldStartWith("KV GET_BULK failed: 400 You can request a maximum of 100 keys.");
        error.Message.ShouldContain("has 101");
    }

    [Fact]
    public async Task Bulk_get_of_no_keys_is_rejected_with_400()
    {
        var error = await ShouldFail(() => Kv.GetBulkAsync([]));

        error.StatusCode.ShouldBe(400);
        error.Message.ShouldStartWith("KV GET_BULK failed: 400 You must request a minimum of 1 key.");
    }

    [Fact]
    public async Task Duplicate_keys_collapse_into_one_entry()
    {
        await Kv.PutTextAsync("a", "1");

        var values = await Kv.GetBulkTextAsync(["a", "b", "a"]);

        values.Keys.ShouldBe(["a", "b"]);
    }

    [Fact]
    public async Task Bulk_get_keeps_empty_values_and_falsy_metadata()
    {
        await Kv.PutTextAsync("empty", "", new KvPutOptions(MetadataJson: "false"));

        var entries = await Kv.GetBulkAsync(["empty"]);

        var entry = entries["empty"];
        entry.ShouldNotBeNull();
        entry.Value.Length.ShouldBe(0);
        entry.MetadataJson.ShouldBe("false");
    }

    [Fact]
    public async Task Bulk_json_get_parses_values()
    {
        await Kv.PutTextAsync("n", "42");
        await Kv.PutTextAsync("o", "{\"a\":true}");

        var values = await Kv.GetBulkJsonAsync(["n", "o", "missing"]);

        values["n"]!.Value.GetInt32().ShouldBe(42);
        values["o"]!.Value.GetProperty("a").GetBoolean().ShouldBeTrue();
        values["missing"].ShouldBeNull();
    }

    [Fact]
    public async Task Bulk_json_get_of_text_is_rejected()
    {
        await Kv.PutTextAsync("text", "hello");

        var error = await ShouldFail(() => Kv.GetBulkJsonAsync(["text"]));

        error.StatusCode.ShouldBe(400);
        error.Message.ShouldStartWith("KV GET_BULK failed: 400 At least one of the requested keys corresponds to a non-json value.");
        error.Message.ShouldContain("'text'");
    }

    [Theory]
    [InlineData("", "KV GET_BULK failed: 400 Key names must not be empty")]
    [InlineData(".", "KV GET_BULK failed: 400 Illegal key name \".\". Please use a different name.")]
    public async Task Bulk_get_rejects_forbidden_keys_with_backend_messages(string key, string message)
    {
        var error = await ShouldFail(() => Kv.GetBulkAsync(["ok", key]));

        error.StatusCode.ShouldBe(400);
        error.Message.ShouldBe(message);
    }

    [Fact]
    public async Task Bulk_get_rejects_long_key_with_414()
    {
        var error = await ShouldFail(() => Kv.GetBulkAsync([new string('k', 513)]));

        error.StatusCode.ShouldBe(414);
        error.Message.ShouldBe("KV GET_BULK failed: 414 UTF-8 encoded length of 513 exceeds key length limit of 512.");
    }

    [Fact]
    public async Task Bulk_get_over_25_MiB_is_rejected()
    {
        await Kv.PutAsync("a", new byte[KvLimits.MaxValueBytes]);
        await Kv.PutAsync("b", new byte[1]);

        var error = await ShouldFail(() => Kv.GetBulkAsync(["a", "b"]));

        error.StatusCode.ShouldBe(413);
        error.Message.ShouldStartWith("KV GET_BULK failed: 413 Total size of request exceeds the limit of 25MB.");
    }

    [Fact]
    public async Task Bulk_get_of_exactly_25_MiB_succeeds()
    {
        await Kv.PutAsync("a", new byte[KvLimits.MaxValueBytes - 1]);
        await Kv.PutAsync("b", new byte[1]);

        var entries = await Kv.GetBulkAsync(["a", "b"]);

        entries.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Bulk_get_validates_cache_ttl()
    {
        var error = await ShouldFail(() => Kv.GetBulkAsync(["a"], new KvGetOptions(CacheTtl: 29)));

        error.Message.ShouldBe("KV GET_BULK failed: 400 Invalid cache_ttl of 29. Cache TTL must be at least 30.");
    }

    [Fact]
    public void Bulk_type_arrayBuffer_is_rejected()
    {
        var error = Should.Throw<KvException>(() => BulkGetRules.ValidateType("arrayBuffer"));

        error.Message.ShouldBe("KV GET_BULK failed: 400 \"arrayBuffer\" is not a valid type. Use \"json\" or \"text\"");
    }
}
