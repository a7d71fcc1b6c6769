using System.Text.Json;
using RepoCache.Kv.Semantics;
using Xunit.Abstractions;

namespace RepoCache.Kv.Tests.Rest;

public sealed class NamespaceEndpointTests : IAsyncLifetime
{
    private readonly ITestOutputHelper _output;
    private KvRestFixture _fixture = null!;

    public NamespaceEndpointTests(ITestOutputHelper output) => _output = output;

    public async Task InitializeAsync() => _fixture = await KvRestFixture.StartAsync(output: _output);

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task Create_returns_the_namespace_object()
    {
        var (status, envelope) = await _fixture.SendJsonAsync(HttpMethod.Post, KvRestFixture.NamespacesPath, """{"title":"repos"}""");

        status.ShouldBe(200);
        var result = envelope.GetProperty("result");
        NamespaceRules.IsValidId(result.GetProperty("id").GetString()).ShouldBeTrue();
        result.GetProperty("title").GetString().ShouldBe("repos");
        result.GetProperty("supports_url_encoding").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Create_accepts_a_body_with_byte_order_mark()
    {
        using var content = new ByteArrayContent([0xEF, 0xBB, 0xBF, .. "{\"title\":\"bom\"}"u8.ToArray()]);

        using var response = await _fixture.Client.PostAsync(KvRestFixture.NamespacesPath, content);

        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        _fixture.Emulator.ListNamespaces().Single().Title.ShouldBe("bom");
    }

    [Fact]
    public async Task Create_with_oversized_body_is_rejected_with_413()
    {
        var body = "{\"title\":\"" + new string('t', 70_000) + "\"}";

        var (status, envelope) = await _fixture.SendJsonAsync(HttpMethod.Post, KvRestFixture.NamespacesPath, body);

        status.ShouldBe(413);
        envelope.GetProperty("errors")[0].GetProperty("message").GetString()!.ShouldContain("exceeds the limit of 65536 bytes");
    }

    [Fact]
    public async Task Create_with_a_taken_title_returns_10014()
    {
        _fixture.CreateNamespace("taken");

        var (status, envelope) = await _fixture.SendJsonAsync(HttpMethod.Post, KvRestFixture.NamespacesPath, """{"title":"taken"}""");

        status.ShouldBe(400);
        envelope.GetProperty("errors")[0].GetProperty("code").GetInt32().ShouldBe(10014);
    }

    [Theory]
    [InlineData("""{}""", "no string 'title' field")]
    [InlineData("""{"title":5}""", "no string 'title' field")]
    [InlineData("""["x"]""", "JSON array")]
    [InlineData("""{"title":""}""", "title is missing or blank")]
    [InlineData("""{"title":"a""", "not valid JSON")]
    public async Task Create_with_invalid_body_is_rejected(string body, string expectedMessage)
    {
        var (status, envelope) = await _fixture.SendJsonAsync(HttpMethod.Post, KvRestFixture.NamespacesPath, body);

        status.ShouldBe(400);
        envelope.GetProperty("errors")[0].GetProperty("message").GetString()!.ShouldContain(expectedMessage);
        _fixture.Emulator.ListNamespaces().ShouldBeEmpty();
    }

    [Fact]
    public async Task List_pages_and_orders_by_title_descending()
    {
        foreach (var title in new[] { "b", "d", "a", "c", "e" })
        {
            _fixture.CreateNamespace(title);
        }

        var (status, envelope) = await _fixture.SendJsonAsync(
            HttpMethod.Get,
            KvRestFixture.NamespacesPath + "?order=title&direction=desc&per_page=2&page=2");

        status.ShouldBe(200);
        envelope.GetProperty("result").EnumerateArray().Select(item => item.GetProperty("title").GetString()).ShouldBe(["c", "b"]);
        var info = envelope.GetProperty("result_info");
        info.GetProperty("page").GetInt32().ShouldBe(2);
        info.GetProperty("per_page").GetInt32().ShouldBe(2);
        info.GetProperty("count").GetInt32().ShouldBe(2);
        info.GetProperty("total_count").GetInt32().ShouldBe(5);
    }

    [Theory]
    [InlineData("?page=0")]
    [InlineData("?per_page=1001")]
    [InlineData("?order=created")]
    [InlineData("?direction=up")]
    public async Task List_with_invalid_query_is_rejected(string query)
    {
        var (status, envelope) = await _fixture.SendJsonAsync(HttpMethod.Get, KvRestFixture.NamespacesPath + query);

        status.ShouldBe(400);
        envelope.GetProperty("errors")[0].GetProperty("code").GetInt32().ShouldBe(KvErrorCodes.MalformedRequest);
    }

    [Fact]
    public async Task Get_rename_and_delete_a_namespace()
    {
        var id = _fixture.CreateNamespace("old");
        await _fixture.Emulator.GetNamespace(id).PutAsync("k", "v"u8.ToArray());

        var (getStatus, got) = await _fixture.SendJsonAsync(HttpMethod.Get, KvRestFixture.NamespacePath(id));
        var (renameStatus, renamed) = await _fixture.SendJsonAsync(HttpMethod.Put, KvRestFixture.NamespacePath(id), """{"title":"new"}""");
        var (deleteStatus, _) = await _fixture.SendJsonAsync(HttpMethod.Delete, KvRestFixture.NamespacePath(id));
        var (afterStatus, after) = await _fixture.SendJsonAsync(HttpMethod.Get, KvRestFixture.NamespacePath(id) + "/values/k");

        getStatus.ShouldBe(200);
        got.GetProperty("result").GetProperty("title").GetString().ShouldBe("old");
        renameStatus.ShouldBe(200);
        renamed.GetProperty("result").GetProperty("title").GetString().ShouldBe("new");
        deleteStatus.ShouldBe(200);
        afterStatus.ShouldBe(404);
        after.GetProperty("errors")[0].GetProperty("code").GetInt32().ShouldBe(10013);
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("GET", "/keys")]
    [InlineData("GET", "/values/k")]
    [InlineData("PUT", "/values/k")]
    [InlineData("GET", "/metadata/k")]
    [InlineData("POST", "/bulk/get")]
    [InlineData("DELETE", "")]
    public async Task Unknown_namespace_returns_10013(string method, string tail)
    {
        var path = KvRestFixture.NamespacePath("ffffffffffffffffffffffffffffffff") + tail;

        var (status, envelope) = await _fixture.SendJsonAsync(new HttpMethod(method), path, method is "POST" ? """{"keys":["k"]}""" : null);

        status.ShouldBe(404);
        envelope.GetProperty("errors")[0].GetProperty("code").GetInt32().ShouldBe(10013);
    }

    [Theory]
    [InlineData("not-a-namespace")]
    [InlineData("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF")]
    [InlineData("ffff")]
    public async Task Malformed_namespace_id_returns_10011(string id)
    {
        var (status, envelope) = await _fixture.SendJsonAsync(HttpMethod.Get, KvRestFixture.NamespacePath(id) + "/keys");

        status.ShouldBe(400);
        envelope.GetProperty("errors")[0].GetProperty("code").GetInt32().ShouldBe(10011);
    }

    [Fact]
    public async Task First_use_creates_the_namespace_when_enabled()
    {
        await using var fixture = await KvRestFixture.StartAsync(createNamespacesOnFirstUse: true);
        const string id = "0123456789abcdef0123456789abcdef";

        var (describeStatus, _) = await fixture.SendJsonAsync(HttpMethod.Get, KvRestFixture.NamespacePath(id));
        using var put = await fixture.Client.PutAsync(KvRestFixture.NamespacePath(id) + "/values/k", new StringContent("v"));
        var (afterStatus, after) = await fixture.SendJsonAsync(HttpMethod.Get, KvRestFixture.NamespacePath(id));

        describeStatus.ShouldBe(404);
        put.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        afterStatus.ShouldBe(200);
        after.GetProperty("result").GetProperty("id").GetString().ShouldBe(id);
    }

    [Fact]
    public async Task Invalid_key_does_not_create_the_namespace()
    {
        await using var fixture = await KvRestFixture.StartAsync(createNamespacesOnFirstUse: true);
        const string id = "0123456789abcdef0123456789abcdef";

        var response = await fixture.SendRawAsync("PUT", KvRestFixture.NamespacePath(id) + "/values/..", "v"u8.ToArray());

        response.StatusCode.ShouldBe(400, response.Text);
        fixture.Emulator.FindNamespace(id).ShouldBeNull(response.Text);
    }

    [Fact]
    public async Task Data_written_over_rest_survives_a_restart()
    {
        var id = _fixture.CreateNamespace("durable");
        using (var put = await _fixture.Client.PutAsync(KvRestFixture.NamespacePath(id) + "/values/kept", new StringContent("value")))
        {
            put.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        }

        await _fixture.Server.DisposeAsync();
        _fixture.Emulator.Dispose();

        using var reopened = KvEmulator.Open(new KvEmulatorOptions(_fixture.DatabasePath, _fixture.Clock));
        await using var server = await RepoCache.Kv.Rest.KvRestServer.StartAsync(reopened);
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        var value = await client.GetStringAsync(KvRestFixture.NamespacePath(id) + "/values/kept");

        value.ShouldBe("value");
    }
}
