using System.Text;
using RepoCache.Kv.Semantics;
using Xunit.Abstractions;

namespace RepoCache.Kv.Tests.Rest;

public sealed class RawTargetKeyTests : IAsyncLifetime
{
    private readonly ITestOutputHelper _output;
    private KvRestFixture _fixture = null!;
    private string _namespaceId = "";

    public RawTargetKeyTests(ITestOutputHelper output) => _output = output;

    public async Task InitializeAsync()
    {
        _fixture = await KvRestFixture.StartAsync(output: _output);
        _namespaceId = _fixture.CreateNamespace();
    }

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    private string Values(string rawKey) => $"{KvRestFixture.NamespacePath(_namespaceId)}/values/{rawKey}";

    private async Task<string?> ReadStoredAsync(string key)
    {
        var entry = await _fixture.Emulator.GetNamespace(_namespaceId).GetWithMetadataAsync(key);
        return entry is null ? null : Encoding.UTF8.GetString(entry.Value.Span);
    }

    [Fact]
    public async Task Raw_slash_in_key_path_is_part_of_the_key()
    {
        var put = await _fixture.SendRawAsync("PUT", Values("a/b"), "slash"u8.ToArray());

        put.StatusCode.ShouldBe(200);
        (await ReadStoredAsync("a/b")).ShouldBe("slash");
    }

    [Fact]
    public async Task Encoded_slash_reads_the_same_key_as_raw_slash()
    {
        await _fixture.SendRawAsync("PUT", Values("a%2Fb"), "encoded"u8.ToArray());

        var viaRaw = await _fixture.SendRawAsync("GET", Values("a/b"));

        viaRaw.StatusCode.ShouldBe(200);
        viaRaw.Text.ShouldBe("encoded");
    }

    [Fact]
    public async Task Double_encoded_slash_is_decoded_only_once()
    {
        await _fixture.SendRawAsync("PUT", Values("a/b"), "slash"u8.ToArray());
        await _fixture.SendRawAsync("PUT", Values("a%252Fb"), "percent"u8.ToArray());

        (await ReadStoredAsync("a/b")).ShouldBe("slash");
        (await ReadStoredAsync("a%2Fb")).ShouldBe("percent");
    }

    [Theory]
    [InlineData(".", ".")]
    [InlineData("..", "..")]
    [InlineData("%2E", ".")]
    [InlineData("%2e%2E", "..")]
    public async Task Dot_keys_are_rejected_with_400(string rawKey, string key)
    {
        var response = await _fixture.SendRawAsync("PUT", Values(rawKey), "x"u8.ToArray());

        response.StatusCode.ShouldBe(400);
        response.Json.GetProperty("success").GetBoolean().ShouldBeFalse();
        response.Json.GetProperty("errors")[0].GetProperty("code").GetInt32().ShouldBe(KvErrorCodes.InvalidKey);
        response.Json.GetProperty("errors")[0].GetProperty("message").GetString().ShouldBe($"\"{key}\" is not allowed as a key name.");
    }

    [Fact]
    public async Task Delete_of_dot_dot_key_leaves_the_namespace_alone()
    {
        await _fixture.SendRawAsync("PUT", Values("kept"), "v"u8.ToArray());

        var response = await _fixture.SendRawAsync("DELETE", Values(".."));

        response.StatusCode.ShouldBe(400);
        _fixture.Emulator.FindNamespace(_namespaceId).ShouldNotBeNull();
        (await ReadStoredAsync("kept")).ShouldBe("v");
    }

    [Theory]
    [InlineData("a/./b")]
    [InlineData("a/../b")]
    [InlineData("../b")]
    [InlineData("a/..")]
    public async Task Dot_segments_inside_a_key_are_kept_literally(string key)
    {
        var put = await _fixture.SendRawAsync("PUT", Values(key), "dots"u8.ToArray());
        var get = await _fixture.SendRawAsync("GET", Values(key));

        put.StatusCode.ShouldBe(200);
        get.Text.ShouldBe("dots");
        (await ReadStoredAsync(key)).ShouldBe("dots");
    }

    [Theory]
    [InlineData("%")]
    [InlineData("a%")]
    [InlineData("a%2")]
    [InlineData("%G0")]
    [InlineData("%zz")]
    [InlineData("ok%2")]
    public async Task Malformed_escape_is_rejected_naming_the_segment(string rawKey)
    {
        var response = await _fixture.SendRawAsync("PUT", Values(rawKey), "x"u8.ToArray());

        response.StatusCode.ShouldBe(400);
        var message = response.Json.GetProperty("errors")[0].GetProperty("message").GetString()!;
        message.ShouldContain($"key path segment '{rawKey}'");
        message.ShouldContain("malformed percent escape");
    }

    [Fact]
    public async Task Escape_that_is_not_utf8_is_rejected()
    {
        var response = await _fixture.SendRawAsync("PUT", Values("%FF"), "x"u8.ToArray());

        response.StatusCode.ShouldBe(400);
        response.Json.GetProperty("errors")[0].GetProperty("message").GetString()!.ShouldContain("not valid UTF-8");
    }

    [Fact]
    public async Task Escaped_utf8_and_control_characters_round_trip()
    {
        // U+001F and ^ are keys that production's REST path has mishandled; "é" arrives as two escaped UTF-8 bytes.
        const string key = "caf\u00e9\u001f^ x?#";
        var rawKey = Uri.EscapeDataString(key);

        var put = await _fixture.SendRawAsync("PUT", Values(rawKey), "unicode"u8.ToArray());

        put.StatusCode.ShouldBe(200);
        (await ReadStoredAsync(key)).ShouldBe("unicode");
    }

    [Fact]
    public async Task Empty_key_is_rejected_with_400()
    {
        var response = await _fixture.SendRawAsync("PUT", Values(""), "x"u8.ToArray());

        response.StatusCode.ShouldBe(400);
        response.Json.GetProperty("errors")[0].GetProperty("message").GetString().ShouldBe("Key name cannot be empty.");
    }

    [Fact]
    public async Task Key_over_512_bytes_is_rejected_with_414()
    {
        var response = await _fixture.SendRawAsync("PUT", Values(new string('k', 513)), "x"u8.ToArray());

        response.StatusCode.ShouldBe(414);
        response.Json.GetProperty("errors")[0].GetProperty("message").GetString()!.ShouldContain("UTF-8 encoded length of 513 exceeds key length limit of 512.");
    }

    [Fact]
    public async Task Query_string_is_not_part_of_the_key()
    {
        await _fixture.SendRawAsync("PUT", Values("plain?expiration_ttl=120"), "q"u8.ToArray());

        var entry = await _fixture.Emulator.GetNamespace(_namespaceId).GetWithMetadataAsync("plain");

        entry.ShouldNotBeNull();
        entry.Expiration.ShouldBe(_fixture.NowEpochSeconds + 120);
    }

    [Fact]
    public async Task Absolute_form_target_is_parsed_like_origin_form()
    {
        var target = $"http://127.0.0.1:{_fixture.Server.BaseAddress.Port}{Values("abs%2Fkey")}";

        var put = await _fixture.SendRawAsync("PUT", target, "absolute"u8.ToArray());

        put.StatusCode.ShouldBe(200);
        (await ReadStoredAsync("abs/key")).ShouldBe("absolute");
    }
}
