using RepoCache.Kv.Tests.Support;

namespace RepoCache.Kv.Tests.Binding;

public abstract class MetadataTests(StoreKind store) : EmulatorTestBase(store)
{
    public sealed class InMemory() : MetadataTests(StoreKind.InMemory);

    public sealed class LiteDb() : MetadataTests(StoreKind.LiteDb);

    // {"m":"xxxx"} is 8 bytes of JSON around the string.
    private static string MetadataOfBytes(int length) => $"{{\"m\":\"{new string('x', length - 8)}\"}}";

    [Fact]
    public async Task Metadata_of_1024_bytes_round_trips()
    {
        var metadata = MetadataOfBytes(1024);

        await Kv.PutTextAsync("k", "v", new KvPutOptions(MetadataJson: metadata));

        (await Kv.GetWithMetadataAsync("k"))!.MetadataJson.ShouldBe(metadata);
    }

    [Fact]
    public async Task Metadata_of_1025_bytes_is_rejected_with_413()
    {
        var error = await ShouldFail(() => Kv.PutTextAsync("k", "v", new KvPutOptions(MetadataJson: MetadataOfBytes(1025))));

        error.StatusCode.ShouldBe(413);
        error.Message.ShouldBe("KV PUT failed: 413 Metadata length of 1025 exceeds limit of 1024.");
    }

    [Fact]
    public async Task Metadata_size_counts_the_compact_form()
    {
        var spaced = "{ \"m\" : \"" + new string('x', 1016) + "\" }";

        await Kv.PutTextAsync("k", "v", new KvPutOptions(MetadataJson: spaced));

        (await Kv.GetWithMetadataAsync("k"))!.MetadataJson.ShouldBe(MetadataOfBytes(1024));
    }

    [Fact]
    public async Task Metadata_size_counts_utf8_bytes()
    {
        // Each "é" is two bytes, so 509 of them plus 8 bytes of JSON make 1026 bytes in 517 characters.
        var metadata = $"{{\"m\":\"{new string('\u00E9', 509)}\"}}";

        var error = await ShouldFail(() => Kv.PutTextAsync("k", "v", new KvPutOptions(MetadataJson: metadata)));

        error.Message.ShouldContain("Metadata length of 1026");
    }

    [Theory]
    [InlineData("false")]
    [InlineData("0")]
    [InlineData("\"\"")]
    [InlineData("[]")]
    [InlineData("{}")]
    public async Task Falsy_metadata_round_trips_with_an_empty_value(string metadata)
    {
        await Kv.PutTextAsync("k", "", new KvPutOptions(MetadataJson: metadata));

        var entry = await Kv.GetWithMetadataAsync("k");
        var listed = (await Kv.ListAsync()).Keys.Single();

        entry.ShouldNotBeNull();
        entry.Value.Length.ShouldBe(0);
        entry.MetadataJson.ShouldBe(metadata);
        listed.MetadataJson.ShouldBe(metadata);
    }

    [Fact]
    public async Task Json_null_metadata_means_none()
    {
        await Kv.PutTextAsync("k", "v", new KvPutOptions(MetadataJson: "null"));

        (await Kv.GetWithMetadataAsync("k"))!.MetadataJson.ShouldBeNull();
    }

    [Fact]
    public async Task Put_without_metadata_removes_the_old_metadata()
    {
        await Kv.PutTextAsync("k", "v", new KvPutOptions(MetadataJson: "{\"a\":1}"));

        await Kv.PutTextAsync("k", "v2");

        (await Kv.GetWithMetadataAsync("k"))!.MetadataJson.ShouldBeNull();
        (await Kv.ListAsync()).Keys.Single().MetadataJson.ShouldBeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{'a':1}")]
    [InlineData("undefined")]
    public async Task Metadata_that_is_not_json_is_rejected_with_400(string metadata)
    {
        var error = await ShouldFail(() => Kv.PutTextAsync("k", "v", new KvPutOptions(MetadataJson: metadata)));

        error.StatusCode.ShouldBe(400);
        error.Message.ShouldStartWith("KV PUT failed: 400 Metadata is not valid JSON");
    }

    [Fact]
    public async Task Non_ascii_metadata_is_kept_unescaped()
    {
        await Kv.PutTextAsync("k", "v", new KvPutOptions(MetadataJson: "{\"owner\":\"Zo\u00EB \U0001F600\"}"));

        (await Kv.GetWithMetadataAsync("k"))!.MetadataJson.ShouldBe("{\"owner\":\"Zo\u00EB \U0001F600\"}");
    }
}
