using System.Text.Json;
using RepoCache.Kv.Semantics;
using Xunit.Abstractions;

namespace RepoCache.Kv.Tests.Rest;

public sealed class KeyListEndpointTests : IAsyncLifetime
{
    private readonly ITestOutputHelper _output;
    private KvRestFixture _fixture = null!;
    private string _namespaceId = "";

    public KeyListEndpointTests(ITestOutputHelper output) => _output = output;

    public async Task InitializeAsync()
    {
        _fixture = await KvRestFixture.StartAsync(output: _output);
        _namespaceId = _fixture.CreateNamespace();
    }

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    private string Keys(string query = "") => $"{KvRestFixture.NamespacePath(_namespaceId)}/keys{query}";

    private async Task PutAsync(string key, KvPutOptions? options = null) =>
        await _fixture.Emulator.GetNamespace(_namespaceId).PutAsync(key, "v"u8.ToArray(), options);

    [Fact]
    public async Task Listing_pages_with_cursor_until_empty()
    {
        for (var i = 0; i < 25; i++)
        {
            await PutAsync($"key-{i:D2}");
        }

        var names = new List<string>();
        var cursors = new List<string>();
        var cursor = "";
        do
        {
            var query = cursor.Length == 0 ? "?limit=10" : $"?limit=10&cursor={Uri.EscapeDataString(cursor)}";
            var (status, envelope) = await _fixture.SendJsonAsync(HttpMethod.Get, Keys(query));
            status.ShouldBe(200);

            names.AddRange(envelope.GetProperty("result").EnumerateArray().Select(key => key.GetProperty("name").GetString()!));
            envelope.GetProperty("result_info").GetProperty("count").GetInt32().ShouldBe(envelope.GetProperty("result").GetArrayLength());
            cursor = envelope.GetProperty("result_info").GetProperty("cursor").GetString()!;
            cursors.Add(cursor);
        }
        while (cursor.Length > 0 && cursors.Count < 10);

        names.ShouldBe(Enumerable.Range(0, 25).Select(i => $"key-{i:D2}"));
        cursors.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Complete_listing_reports_empty_cursor()
    {
        await PutAsync("only");

        var (_, envelope) = await _fixture.SendJsonAsync(HttpMethod.Get, Keys());

        envelope.GetProperty("result_info").GetProperty("cursor").GetString().ShouldBe("");
        envelope.GetProperty("result_info").GetProperty("count").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Listing_filters_by_prefix_and_orders_by_utf8_bytes()
    {
        await PutAsync("p/\U0001D655");
        await PutAsync("p/\uFF3A");
        await PutAsync("p/Z");
        await PutAsync("q/Z");

        var (_, envelope) = await _fixture.SendJsonAsync(HttpMethod.Get, Keys("?prefix=" + Uri.EscapeDataString("p/")));

        envelope.GetProperty("result").EnumerateArray().Select(key => key.GetProperty("name").GetString())
            .ShouldBe(["p/Z", "p/\uFF3A", "p/\U0001D655"]);
    }

    [Fact]
    public async Task Listing_includes_decoded_metadata_and_expiration_only_when_set()
    {
        var expiration = _fixture.NowEpochSeconds + 600;
        await PutAsync("with", new KvPutOptions(Expiration: expiration, MetadataJson: "{\"a\":[1,\"b\"]}"));
        await PutAsync("without");

        var (_, envelope) = await _fixture.SendJsonAsync(HttpMethod.Get, Keys());
        var keys = envelope.GetProperty("result").EnumerateArray().ToList();

        keys[0].GetProperty("name").GetString().ShouldBe("with");
        keys[0].GetProperty("expiration").GetInt64().ShouldBe(expiration);
        keys[0].GetProperty("metadata").ValueKind.ShouldBe(JsonValueKind.Object);
        keys[0].GetProperty("metadata").GetRawText().ShouldBe("{\"a\":[1,\"b\"]}");
        keys[1].TryGetProperty("expiration", out _).ShouldBeFalse();
        keys[1].TryGetProperty("metadata", out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("9")]
    [InlineData("1001")]
    [InlineData("0")]
    [InlineData("ten")]
    [InlineData("")]
    public async Task Limit_outside_10_to_1000_is_rejected(string limit)
    {
        var (status, envelope) = await _fixture.SendJsonAsync(HttpMethod.Get, Keys("?limit=" + limit));

        status.ShouldBe(400);
        envelope.GetProperty("errors")[0].GetProperty("code").GetInt32().ShouldBe(KvErrorCodes.InvalidListOptions);
        envelope.GetProperty("errors")[0].GetProperty("message").GetString().ShouldBe($"Invalid limit of {limit}. Please specify an integer from 10 to 1000.");
    }

    [Theory]
    [InlineData("10")]
    [InlineData("1000")]
    public async Task Limit_at_the_bounds_is_accepted(string limit)
    {
        var (status, _) = await _fixture.SendJsonAsync(HttpMethod.Get, Keys("?limit=" + limit));

        status.ShouldBe(200);
    }

    [Fact]
    public async Task Repeated_limit_parameter_is_rejected()
    {
        var (status, envelope) = await _fixture.SendJsonAsync(HttpMethod.Get, Keys("?limit=10&limit=20"));

        status.ShouldBe(400);
        envelope.GetProperty("errors")[0].GetProperty("message").GetString()!.ShouldContain("given 2 times");
    }

    [Fact]
    public async Task Expired_keys_are_not_listed()
    {
        await PutAsync("short", new KvPutOptions(ExpirationTtl: 60));
        await PutAsync("long");
        _fixture.Clock.Advance(TimeSpan.FromSeconds(61));

        var (_, envelope) = await _fixture.SendJsonAsync(HttpMethod.Get, Keys());

        envelope.GetProperty("result").EnumerateArray().Select(key => key.GetProperty("name").GetString()).ShouldBe(["long"]);
    }

    [Fact]
    public async Task Malformed_cursor_is_rejected_with_400()
    {
        var (status, envelope) = await _fixture.SendJsonAsync(HttpMethod.Get, Keys("?cursor=%21%21not-a-cursor"));

        status.ShouldBe(400);
        envelope.GetProperty("errors")[0].GetProperty("code").GetInt32().ShouldBe(KvErrorCodes.InvalidListOptions);
    }

    [Fact]
    public async Task Prefix_over_512_bytes_is_rejected_with_414()
    {
        var (status, envelope) = await _fixture.SendJsonAsync(HttpMethod.Get, Keys("?prefix=" + new string('p', 513)));

        status.ShouldBe(414);
        envelope.GetProperty("errors")[0].GetProperty("message").GetString()!.ShouldContain("UTF-8 encoded length of 513");
    }

    [Fact]
    public async Task Parallel_puts_over_rest_are_all_listed()
    {
        var puts = Enumerable.Range(0, 40).Select(async i =>
        {
            using var content = new StringContent($"value-{i}");
            using var response = await _fixture.Client.PutAsync($"{KvRestFixture.NamespacePath(_namespaceId)}/values/parallel-{i:D2}", content);
            return (int)response.StatusCode;
        });

        var statuses = await Task.WhenAll(puts);
        var (_, envelope) = await _fixture.SendJsonAsync(HttpMethod.Get, Keys("?prefix=parallel-"));

        statuses.ShouldAllBe(status => status == 200);
        envelope.GetProperty("result").GetArrayLength().ShouldBe(40);
    }
}
