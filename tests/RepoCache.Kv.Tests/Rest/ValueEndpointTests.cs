using System.Net;
using System.Net.Http.Headers;
using System.Text;
using RepoCache.Kv.Rest;
using RepoCache.Kv.Rest.Endpoints;
using RepoCache.Kv.Semantics;
using Xunit.Abstractions;

namespace RepoCache.Kv.Tests.Rest;

public sealed class ValueEndpointTests : IAsyncLifetime
{
    private readonly ITestOutputHelper _output;
    private KvRestFixture _fixture = null!;
    private string _namespaceId = "";

    public ValueEndpointTests(ITestOutputHelper output) => _output = output;

    public async Task InitializeAsync()
    {
        _fixture = await KvRestFixture.StartAsync(output: _output);
        _namespaceId = _fixture.CreateNamespace();
    }

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    private string Values(string key) => $"{KvRestFixture.NamespacePath(_namespaceId)}/values/{Uri.EscapeDataString(key)}";

    private string Metadata(string key) => $"{KvRestFixture.NamespacePath(_namespaceId)}/metadata/{Uri.EscapeDataString(key)}";

    private async Task<HttpResponseMessage> PutBytesAsync(string key, byte[] value, string query = "")
    {
        using var content = new ByteArrayContent(value);
        return await _fixture.Client.PutAsync(Values(key) + query, content);
    }

    private static MultipartFormDataContent Multipart(string? value, string? metadata)
    {
        var form = new MultipartFormDataContent();
        if (value is not null)
        {
            form.Add(new StringContent(value), "value");
        }

        if (metadata is not null)
        {
            form.Add(new StringContent(metadata), "metadata");
        }

        return form;
    }

    [Fact]
    public async Task Get_returns_raw_bytes_without_envelope()
    {
        byte[] value = [0, 1, 2, 255, 10];
        (await PutBytesAsync("bin", value)).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var response = await _fixture.Client.GetAsync(Values("bin"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/octet-stream");
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(value);
    }

    [Fact]
    public async Task Put_returns_success_envelope_with_null_result()
    {
        var (status, envelope) = await _fixture.SendJsonAsync(HttpMethod.Put, Values("k"), "\"text\"");

        status.ShouldBe(200);
        envelope.GetProperty("success").GetBoolean().ShouldBeTrue();
        envelope.GetProperty("errors").GetArrayLength().ShouldBe(0);
        envelope.GetProperty("messages").GetArrayLength().ShouldBe(0);
        envelope.GetProperty("result").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task Empty_value_is_stored_and_read_back_empty()
    {
        (await PutBytesAsync("empty", [])).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var response = await _fixture.Client.GetAsync(Values("empty"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync()).Length.ShouldBe(0);
    }

    [Fact]
    public async Task Get_of_missing_key_returns_10009()
    {
        var (status, envelope) = await _fixture.SendJsonAsync(HttpMethod.Get, Values("missing"));

        status.ShouldBe(404);
        envelope.GetProperty("success").GetBoolean().ShouldBeFalse();
        envelope.GetProperty("result").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        envelope.GetProperty("errors")[0].GetProperty("code").GetInt32().ShouldBe(10009);
        envelope.GetProperty("errors")[0].GetProperty("message").GetString().ShouldBe("get: 'key not found'");
    }

    [Fact]
    public async Task Put_with_ttl_sets_expiration_header_and_expires()
    {
        (await PutBytesAsync("ttl", "v"u8.ToArray(), "?expiration_ttl=120")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var expected = _fixture.NowEpochSeconds + 120;

        using var before = await _fixture.Client.GetAsync(Values("ttl"));
        _fixture.Clock.Advance(TimeSpan.FromSeconds(121));
        using var after = await _fixture.Client.GetAsync(Values("ttl"));

        before.Headers.GetValues(ValueEndpoints.ExpirationHeader).Single().ShouldBe(expected.ToString());
        after.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Ttl_wins_over_absolute_expiration()
    {
        var absolute = _fixture.NowEpochSeconds + 10_000;
        await PutBytesAsync("both", "v"u8.ToArray(), $"?expiration={absolute}&expiration_ttl=300");

        var entry = await _fixture.Emulator.GetNamespace(_namespaceId).GetWithMetadataAsync("both");

        entry!.Expiration.ShouldBe(_fixture.NowEpochSeconds + 300);
    }

    [Fact]
    public async Task Put_with_absolute_expiration_is_stored()
    {
        var absolute = _fixture.NowEpochSeconds + 3600;

        (await PutBytesAsync("abs", "v"u8.ToArray(), $"?expiration={absolute}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var entry = await _fixture.Emulator.GetNamespace(_namespaceId).GetWithMetadataAsync("abs");
        entry!.Expiration.ShouldBe(absolute);
    }

    [Theory]
    [InlineData("?expiration_ttl=59", "Expiration TTL must be at least 60.")]
    [InlineData("?expiration_ttl=0", "Invalid expiration_ttl of 0. Please specify integer greater than 0.")]
    [InlineData("?expiration_ttl=abc", "Invalid expiration_ttl of abc. Please specify integer greater than 0.")]
    [InlineData("?expiration_ttl=", "Invalid expiration_ttl of . Please specify integer greater than 0.")]
    [InlineData("?expiration=12.5", "Invalid expiration of 12.5.")]
    [InlineData("?expiration=1", "Invalid expiration of 1. Please specify integer greater than the current number of seconds since the UNIX epoch.")]
    public async Task Put_with_invalid_expiration_is_rejected(string query, string expectedMessage)
    {
        using var response = await PutBytesAsync("bad", "v"u8.ToArray(), query);
        var envelope = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        envelope.GetProperty("errors")[0].GetProperty("code").GetInt32().ShouldBe(KvErrorCodes.InvalidExpiration);
        envelope.GetProperty("errors")[0].GetProperty("message").GetString()!.ShouldContain(expectedMessage);
        (await _fixture.Emulator.GetNamespace(_namespaceId).GetWithMetadataAsync("bad")).ShouldBeNull();
    }

    [Fact]
    public async Task Put_with_ttl_below_60_is_rejected()
    {
        using var response = await PutBytesAsync("short", "v"u8.ToArray(), "?expiration_ttl=30");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Multipart_put_stores_value_and_metadata()
    {
        using var form = Multipart("hello", "{ \"owner\" : \"x\", \"n\": [1, 2] }");

        using var put = await _fixture.Client.PutAsync(Values("mp"), form);
        using var get = await _fixture.Client.GetAsync(Values("mp"));
        var (metadataStatus, metadataEnvelope) = await _fixture.SendJsonAsync(HttpMethod.Get, Metadata("mp"));

        put.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await get.Content.ReadAsStringAsync()).ShouldBe("hello");
        metadataStatus.ShouldBe(200);
        metadataEnvelope.GetProperty("result").GetRawText().ShouldBe("{\"owner\":\"x\",\"n\":[1,2]}");
    }

    [Fact]
    public async Task Multipart_value_can_be_a_file_part()
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent([1, 2, 3]);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "value", "blob.bin");

        using var put = await _fixture.Client.PutAsync(Values("file"), form);

        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        var entry = await _fixture.Emulator.GetNamespace(_namespaceId).GetWithMetadataAsync("file");
        entry!.Value.ToArray().ShouldBe(new byte[] { 1, 2, 3 });
    }

    [Fact]
    public async Task Multipart_without_value_is_rejected()
    {
        using var form = Multipart(null, "{}");

        using var response = await _fixture.Client.PutAsync(Values("novalue"), form);
        var text = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        text.ShouldContain("no 'value' field");
    }

    [Theory]
    [InlineData("")]
    [InlineData("{not json")]
    [InlineData("undefined")]
    public async Task Multipart_metadata_that_is_not_json_is_rejected(string metadata)
    {
        using var form = Multipart("v", metadata);

        using var response = await _fixture.Client.PutAsync(Values("badmeta"), form);
        var text = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        text.ShouldContain($"\"code\":{KvErrorCodes.InvalidMetadata}");
        (await _fixture.Emulator.GetNamespace(_namespaceId).GetWithMetadataAsync("badmeta")).ShouldBeNull();
    }

    [Fact]
    public async Task Multipart_metadata_over_1024_bytes_is_rejected_with_413()
    {
        using var form = Multipart("v", "\"" + new string('m', 1100) + "\"");

        using var response = await _fixture.Client.PutAsync(Values("bigmeta"), form);
        var text = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        text.ShouldContain("Metadata length of 1102 exceeds limit of 1024.");
    }

    [Fact]
    public async Task Multipart_with_unknown_field_is_rejected_naming_it()
    {
        using var form = Multipart("v", null);
        form.Add(new StringContent("60"), "expiration_ttl");

        using var response = await _fixture.Client.PutAsync(Values("extra"), form);
        var text = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        text.ShouldContain("unknown field 'expiration_ttl'");
    }

    [Fact]
    public async Task Multipart_without_boundary_is_rejected()
    {
        using var content = new ByteArrayContent("--x\r\n"u8.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data");

        using var response = await _fixture.Client.PutAsync(Values("noboundary"), content);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("no boundary parameter");
    }

    [Fact]
    public async Task Truncated_multipart_body_is_rejected()
    {
        using var content = new ByteArrayContent(Encoding.ASCII.GetBytes("--b\r\nContent-Disposition: form-data; name=\"value\"\r\n\r\nhalf"));
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=b");

        using var response = await _fixture.Client.PutAsync(Values("truncated"), content);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        (await _fixture.Emulator.GetNamespace(_namespaceId).GetWithMetadataAsync("truncated")).ShouldBeNull();
    }

    [Fact]
    public async Task Put_without_metadata_removes_old_metadata()
    {
        using (var form = Multipart("one", "{\"a\":1}"))
        {
            await _fixture.Client.PutAsync(Values("replace"), form);
        }

        await PutBytesAsync("replace", "two"u8.ToArray());
        var (status, envelope) = await _fixture.SendJsonAsync(HttpMethod.Get, Metadata("replace"));

        status.ShouldBe(200);
        envelope.GetProperty("result").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task Metadata_of_missing_key_returns_10009()
    {
        var (status, envelope) = await _fixture.SendJsonAsync(HttpMethod.Get, Metadata("nothing"));

        status.ShouldBe(404);
        envelope.GetProperty("errors")[0].GetProperty("code").GetInt32().ShouldBe(10009);
    }

    [Fact]
    public async Task Falsy_metadata_is_kept()
    {
        using (var form = Multipart("", "false"))
        {
            (await _fixture.Client.PutAsync(Values("falsy"), form)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var (_, envelope) = await _fixture.SendJsonAsync(HttpMethod.Get, Metadata("falsy"));

        envelope.GetProperty("result").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.False);
    }

    [Fact]
    public async Task Delete_removes_the_key_and_missing_key_delete_succeeds()
    {
        await PutBytesAsync("gone", "v"u8.ToArray());

        var (firstStatus, _) = await _fixture.SendJsonAsync(HttpMethod.Delete, Values("gone"));
        var (secondStatus, secondEnvelope) = await _fixture.SendJsonAsync(HttpMethod.Delete, Values("gone"));
        using var get = await _fixture.Client.GetAsync(Values("gone"));

        firstStatus.ShouldBe(200);
        secondStatus.ShouldBe(200);
        secondEnvelope.GetProperty("success").GetBoolean().ShouldBeTrue();
        get.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Value_of_exactly_25_MiB_is_accepted()
    {
        using var response = await PutBytesAsync("max", new byte[KvLimits.MaxValueBytes]);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Value_over_25_MiB_is_rejected_with_413_and_exact_length()
    {
        using var response = await PutBytesAsync("huge", new byte[KvLimits.MaxValueBytes + 7]);
        var text = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        text.ShouldContain($"Value length of {KvLimits.MaxValueBytes + 7} exceeds limit of {KvLimits.MaxValueBytes}.");
        text.ShouldContain($"\"code\":{KvErrorCodes.ValueTooLarge}");
    }

    [Fact]
    public async Task Chunked_value_over_25_MiB_is_measured_exactly()
    {
        var length = KvLimits.MaxValueBytes + 100_000;
        using var content = new StreamContent(new MemoryStream(new byte[length]));
        using var request = new HttpRequestMessage(HttpMethod.Put, Values("chunked")) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _fixture.Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadAsStringAsync()).ShouldContain($"Value length of {length} exceeds");
    }

    [Fact]
    public async Task Multipart_value_over_25_MiB_is_rejected_with_413()
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(new byte[KvLimits.MaxValueBytes + 1]), "value", "big.bin");

        using var response = await _fixture.Client.PutAsync(Values("bigpart"), form);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadAsStringAsync()).ShouldContain($"Value length of {KvLimits.MaxValueBytes + 1} exceeds");
    }

    [Fact]
    public async Task Unsupported_method_on_value_returns_405_envelope()
    {
        var (status, envelope) = await _fixture.SendJsonAsync(HttpMethod.Post, Values("k"), "{}");

        status.ShouldBe(405);
        envelope.GetProperty("errors")[0].GetProperty("code").GetInt32().ShouldBe(KvRestErrorCodes.MethodNotAllowed);
    }
}
