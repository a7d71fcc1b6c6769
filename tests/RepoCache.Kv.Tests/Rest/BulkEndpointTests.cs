using System.Text;
using System.Text.Json;
using RepoCache.Kv.Rest;
using RepoCache.Kv.Semantics;
using Xunit.Abstractions;

namespace RepoCache.Kv.Tests.Rest;

public sealed class BulkEndpointTests : IAsyncLifetime
{
    private readonly ITestOutputHelper _output;
    private KvRestFixture _fixture = null!;
    private string _namespaceId = "";

    public BulkEndpointTests(ITestOutputHelper output) => _output = output;

    public async Task InitializeAsync()
    {
        _fixture = await KvRestFixture.StartAsync(output: _output);
        _namespaceId = _fixture.CreateNamespace();
    }

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    private string Path(string tail) => $"{KvRestFixture.NamespacePath(_namespaceId)}/{tail}";

    private IKvNamespace Namespace => _fixture.Emulator.GetNamespace(_namespaceId);

    private async Task<string?> ReadAsync(string key)
    {
        var entry = await Namespace.GetWithMetadataAsync(key);
        return entry is null ? null : Encoding.UTF8.GetString(entry.Value.Span);
    }

    [Fact]
    public async Task Bulk_write_stores_text_base64_metadata_and_ttl()
    {
        var body = """
            [
              {"key": "text", "value": "plain"},
              {"key": "bytes", "value": "AAEC/w==", "base64": true},
              {"key": "meta", "value": "m", "metadata": {"owner": "x"}, "expiration_ttl": 120}
            ]
            """;

        var (status, envelope) = await _fixture.SendJsonAsync(HttpMethod.Put, Path("bulk"), body);

        status.ShouldBe(200);
        envelope.GetProperty("result").GetProperty("successful_key_count").GetInt32().ShouldBe(3);
        envelope.GetProperty("result").GetProperty("unsuccessful_keys").GetArrayLength().ShouldBe(0);
        (await ReadAsync("text")).ShouldBe("plain");
        (await Namespace.GetWithMetadataAsync("bytes"))!.Value.ToArray().ShouldBe(new byte[] { 0, 1, 2, 255 });
        var meta = await Namespace.GetWithMetadataAsync("meta");
        meta!.MetadataJson.ShouldBe("{\"owner\":\"x\"}");
        meta.Expiration.ShouldBe(_fixture.NowEpochSeconds + 120);
    }

    [Theory]
    [InlineData("""[{"key":"a","value":"1"},{"key":"b","value":"2","expiration_ttl":30}]""", 400, "Item 1 (key 'b')")]
    [InlineData("""[{"key":"a","value":"1"},{"key":"..","value":"2"}]""", 400, "\"..\" is not allowed as a key name.")]
    [InlineData("""[{"key":"a","value":"1"},{"key":"b","value":"%%%","base64":true}]""", 400, "not valid base64")]
    [InlineData("""[{"key":"a","value":"1"},{"key":"b"}]""", 400, "Item 1 has no 'value' field")]
    [InlineData("""[{"key":"a","value":"1"},{"key":"b","value":2}]""", 400, "Item 1 field 'value' is a JSON number")]
    [InlineData("""[{"key":"a","value":"1"},{"key":"b","value":"2","expirationTtl":60}]""", 400, "unknown field 'expirationTtl'")]
    [InlineData("""[{"key":"a","value":"1"},"b"]""", 400, "Item 1 is a JSON string")]
    [InlineData("""{"key":"a","value":"1"}""", 400, "must be a JSON array")]
    [InlineData("""[{"key":"a","value":"1"},{"key":"b","value":"2","expiration":"soon"}]""", 400, "Invalid expiration of soon.")]
    public async Task Bulk_write_with_an_invalid_item_writes_nothing(string body, int expectedStatus, string expectedMessage)
    {
        var (status, envelope) = await _fixture.SendJsonAsync(HttpMethod.Put, Path("bulk"), body);

        status.ShouldBe(expectedStatus);
        envelope.GetProperty("errors")[0].GetProperty("message").GetString()!.ShouldContain(expectedMessage);
        (await ReadAsync("a")).ShouldBeNull();
    }

    [Fact]
    public async Task Bulk_write_accepts_a_json_string_as_metadata()
    {
        var (status, _) = await _fixture.SendJsonAsync(HttpMethod.Put, Path("bulk"), """[{"key":"s","value":"1","metadata":"x"}]""");

        status.ShouldBe(200);
        (await Namespace.GetWithMetadataAsync("s"))!.MetadataJson.ShouldBe("\"x\"");
    }

    [Fact]
    public async Task Bulk_write_of_more_than_10000_items_is_rejected_with_413()
    {
        var items = string.Join(',', Enumerable.Range(0, KvLimits.MaxBulkWriteItems + 1).Select(i => $"{{\"key\":\"k{i}\",\"value\":\"v\"}}"));

        var (status, envelope) = await _fixture.SendJsonAsync(HttpMethod.Put, Path("bulk"), $"[{items}]");

        status.ShouldBe(413);
        envelope.GetProperty("errors")[0].GetProperty("message").GetString()!.ShouldContain("10001 items");
        (await ReadAsync("k0")).ShouldBeNull();
    }

    [Fact]
    public async Task Bulk_write_with_malformed_json_names_the_problem()
    {
        var (status, envelope) = await _fixture.SendJsonAsync(HttpMethod.Put, Path("bulk"), "[{\"key\":\"a\",");

        status.ShouldBe(400);
        envelope.GetProperty("errors")[0].GetProperty("code").GetInt32().ShouldBe(KvErrorCodes.MalformedRequest);
        envelope.GetProperty("errors")[0].GetProperty("message").GetString()!.ShouldStartWith("The request body is not valid JSON:");
    }

    [Fact]
    public async Task Bulk_write_with_empty_body_is_rejected()
    {
        var (status, envelope) = await _fixture.SendJsonAsync(HttpMethod.Put, Path("bulk"), "");

        status.ShouldBe(400);
        envelope.GetProperty("errors")[0].GetProperty("message").GetString()!.ShouldContain("body is empty");
    }

    [Fact]
    public async Task Bulk_write_reports_rate_limited_keys_as_unsuccessful()
    {
        using var emulator = KvEmulator.Open(new KvEmulatorOptions(KvEmulatorOptions.InMemory, _fixture.Clock, RejectRapidWrites: true));
        await using var server = await KvRestServer.StartAsync(emulator);
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        var id = emulator.CreateNamespace("rapid").Id;
        var body = """[{"key":"same","value":"1"},{"key":"same","value":"2"},{"key":"other","value":"3"}]""";

        using var response = await client.PutAsync(
            $"{KvRestFixture.NamespacePath(id)}/bulk",
            new StringContent(body, Encoding.UTF8, "application/json"));
        var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("result");

        result.GetProperty("successful_key_count").GetInt32().ShouldBe(2);
        result.GetProperty("unsuccessful_keys").EnumerateArray().Select(key => key.GetString()).ShouldBe(["same"]);
    }

    [Theory]
    [InlineData("POST", "bulk/delete")]
    [InlineData("DELETE", "bulk")]
    public async Task Bulk_delete_removes_listed_keys_in_both_forms(string method, string tail)
    {
        await Namespace.PutAsync("a", "1"u8.ToArray());
        await Namespace.PutAsync("b", "2"u8.ToArray());
        await Namespace.PutAsync("c", "3"u8.ToArray());

        var (status, envelope) = await _fixture.SendJsonAsync(new HttpMethod(method), Path(tail), """["a","b","missing"]""");

        status.ShouldBe(200);
        envelope.GetProperty("result").GetProperty("successful_key_count").GetInt32().ShouldBe(3);
        (await ReadAsync("a")).ShouldBeNull();
        (await ReadAsync("b")).ShouldBeNull();
        (await ReadAsync("c")).ShouldBe("3");
    }

    [Theory]
    [InlineData("""["a",""]""", "Key name cannot be empty.")]
    [InlineData("""["a",1]""", "Item 1 is a JSON number")]
    [InlineData("""{"keys":["a"]}""", "must be a JSON array")]
    public async Task Bulk_delete_with_an_invalid_key_deletes_nothing(string body, string expectedMessage)
    {
        await Namespace.PutAsync("a", "1"u8.ToArray());

        var (status, envelope) = await _fixture.SendJsonAsync(HttpMethod.Post, Path("bulk/delete"), body);

        status.ShouldBe(400);
        envelope.GetProperty("errors")[0].GetProperty("message").GetString()!.ShouldContain(expectedMessage);
        (await ReadAsync("a")).ShouldBe("1");
    }

    [Fact]
    public async Task Bulk_get_returns_text_values_and_null_for_missing()
    {
        await Namespace.PutAsync("a", "1"u8.ToArray());
        await Namespace.PutAsync("b", "\"two\""u8.ToArray());

        var (status, envelope) = await _fixture.SendJsonAsync(HttpMethod.Post, Path("bulk/get"), """{"keys":["a","b","missing"]}""");

        status.ShouldBe(200);
        var values = envelope.GetProperty("result").GetProperty("values");
        values.GetProperty("a").GetString().ShouldBe("1");
        values.GetProperty("b").GetString().ShouldBe("\"two\"");
        values.GetProperty("missing").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Bulk_get_as_json_with_metadata_parses_values()
    {
        await Namespace.PutAsync("a", "{\"n\":1}"u8.ToArray(), new KvPutOptions(ExpirationTtl: 300, MetadataJson: "\"\""));

        var (status, envelope) = await _fixture.SendJsonAsync(
            HttpMethod.Post,
            Path("bulk/get"),
            """{"keys":["a"],"type":"json","withMetadata":true}""");

        status.ShouldBe(200);
        var entry = envelope.GetProperty("result").GetProperty("values").GetProperty("a");
        entry.GetProperty("value").GetProperty("n").GetInt32().ShouldBe(1);
        entry.GetProperty("metadata").GetString().ShouldBe("");
        entry.GetProperty("expiration").GetInt64().ShouldBe(_fixture.NowEpochSeconds + 300);
    }

    [Fact]
    public async Task Bulk_get_as_json_of_non_json_value_is_rejected()
    {
        await Namespace.PutAsync("text", "not json"u8.ToArray());

        var (status, envelope) = await _fixture.SendJsonAsync(HttpMethod.Post, Path("bulk/get"), """{"keys":["text"],"type":"json"}""");

        status.ShouldBe(400);
        envelope.GetProperty("errors")[0].GetProperty("code").GetInt32().ShouldBe(KvErrorCodes.ValueNotJson);
        envelope.GetProperty("errors")[0].GetProperty("message").GetString()!.ShouldContain("key 'text'");
    }

    [Fact]
    public async Task Bulk_get_of_binary_value_is_rejected_naming_the_key()
    {
        await Namespace.PutAsync("bin", new byte[] { 0xFF, 0xFE });

        var (status, envelope) = await _fixture.SendJsonAsync(HttpMethod.Post, Path("bulk/get"), """{"keys":["bin"]}""");

        status.ShouldBe(400);
        envelope.GetProperty("errors")[0].GetProperty("message").GetString()!.ShouldContain("key 'bin' is not UTF-8 text");
    }

    [Theory]
    [InlineData("""{"keys":[]}""")]
    [InlineData("""{"keys":["a"],"type":"arrayBuffer"}""")]
    [InlineData("""{"keys":"a"}""")]
    [InlineData("""{"keys":["a"],"withMetadata":"yes"}""")]
    [InlineData("""[]""")]
    public async Task Bulk_get_with_invalid_body_is_rejected(string body)
    {
        var (status, envelope) = await _fixture.SendJsonAsync(HttpMethod.Post, Path("bulk/get"), body);

        status.ShouldBe(400);
        envelope.GetProperty("success").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Bulk_get_of_more_than_100_keys_is_rejected()
    {
        var keys = string.Join(',', Enumerable.Range(0, 101).Select(i => $"\"k{i}\""));

        var (status, envelope) = await _fixture.SendJsonAsync(HttpMethod.Post, Path("bulk/get"), $"{{\"keys\":[{keys}]}}");

        status.ShouldBe(400);
        envelope.GetProperty("errors")[0].GetProperty("code").GetInt32().ShouldBe(KvErrorCodes.InvalidBulkGet);
    }

    [Fact]
    public async Task Bulk_body_over_100_MB_is_rejected_with_413()
    {
        // 100,000,001 bytes of JSON whitespace around an empty array: the size check runs before parsing.
        var body = new byte[KvLimits.MaxBulkRequestBytes + 1];
        Array.Fill(body, (byte)' ');
        body[0] = (byte)'[';
        body[^1] = (byte)']';
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        using var response = await _fixture.Client.PutAsync(Path("bulk"), content);
        var text = await response.Content.ReadAsStringAsync();

        ((int)response.StatusCode).ShouldBe(413, text);
        text.ShouldContain($"\"code\":{KvRestErrorCodes.RequestTooLarge}");
        text.ShouldContain("100000001 bytes");
    }
}
