using System.Net;
using System.Text;
using RepoCache.Proxy.Tests.Support;

namespace RepoCache.Proxy.Tests;

public class BadInputTests
{
    private const string ValidBody = """{"pushedAt":"2019-02-05T04:42:37Z","status":"complete"}""";

    [Theory]
    [InlineData("cache/octo/hello", "pushedAt")]
    [InlineData("cache/octo/hello?pushedAt=", "pushedAt")]
    [InlineData("cache/octo/hello?pushedAt=yesterday", "pushedAt")]
    [InlineData("cache/octo/hello?pushedAt=2019-02-05T04:42:37", "pushedAt")]
    [InlineData("cache/octo/hello?pushedAt=2019-02-30T04:42:37Z", "pushedAt")]
    [InlineData("cache/octo/hello?pushedAt=2019-02-05T04:42:37Z&pushedAt=2019-02-05T04:42:38Z", "pushedAt")]
    [InlineData("cache/octo/hello?pushedAt=2019-02-05T04:42:37Z&processor=", "processor")]
    [InlineData("cache/octo/hello/extra?pushedAt=2019-02-05T04:42:37Z", "path")]
    [InlineData("cache/octo/hello/?pushedAt=2019-02-05T04:42:37Z", "path")]
    [InlineData("cache/octo?pushedAt=2019-02-05T04:42:37Z", "path")]
    [InlineData("cache/octo/a%2Fb?pushedAt=2019-02-05T04:42:37Z", "repo")]
    [InlineData("cache//hello?pushedAt=2019-02-05T04:42:37Z", "owner")]
    [InlineData("cache/octo/?pushedAt=2019-02-05T04:42:37Z", "repo")]
    [InlineData("cache/-octo/hello?pushedAt=2019-02-05T04:42:37Z", "owner")]
    [InlineData("cache/octo/hello%20world?pushedAt=2019-02-05T04:42:37Z", "repo")]
    [InlineData("cache/octo/na%C3%AFve?pushedAt=2019-02-05T04:42:37Z", "repo")]
    public async Task Bad_check_requests_are_400_naming_the_field(string url, string field)
    {
        await using var host = await ProxyHost.StartAsync();

        var response = await host.Client.GetAsync(url);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Name_over_100_characters_is_400()
    {
        await using var host = await ProxyHost.StartAsync();

        var response = await host.GetAsync("octo", new string('a', 101), "2019-02-05T04:42:37Z");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "repo");
        problem.GetProperty("detail").GetString()!.ShouldContain("at most 100");
    }

    [Fact]
    public async Task Name_of_100_characters_is_accepted()
    {
        await using var host = await ProxyHost.StartAsync();

        var response = await host.PutCompleteAsync("octo", new string('a', 100), "2019-02-05T04:42:37Z");

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("null", null)]
    [InlineData("[]", null)]
    [InlineData("\"pushedAt\"", null)]
    [InlineData("{\"pushedAt\":\"2019-02-05T04:42:37Z\"", null)]
    [InlineData("{\"pushedAt\":\"2019-02-05T04:42:37Z\"} trailing", null)]
    [InlineData("{\"pushedAt\":\"2019-02-05T04:42:37Z\",}", null)]
    [InlineData("{\"pushedAt\":\"2019-02-05T04:42:37Z\" /* note */}", null)]
    [InlineData("{}", "pushedAt")]
    [InlineData("{\"status\":\"complete\"}", "pushedAt")]
    [InlineData("{\"pushedAt\":20190205}", "pushedAt")]
    [InlineData("{\"pushedAt\":\"not a date\"}", "pushedAt")]
    [InlineData("{\"pushedAt\":\"2019-02-05T04:42:37Z\",\"pushedAt\":\"2019-02-05T04:42:38Z\"}", "pushedAt")]
    [InlineData("{\"pushedAt\":null,\"status\":\"done\"}", "status")]
    [InlineData("{\"pushedAt\":null,\"status\":true}", "status")]
    [InlineData("{\"pushedAt\":null,\"processor\":42}", "processor")]
    [InlineData("{\"pushedAt\":null,\"processor\":\"\"}", "processor")]
    [InlineData("{\"pushedAt\":null,\"error\":{}}", "error")]
    [InlineData("{\"pushedAt\":null,\"processedAt\":1}", "processedAt")]
    [InlineData("{\"pushedAt\":null,\"pushed_at\":\"x\"}", "pushed_at")]
    [InlineData("{\"pushedAt\":null,\"digest\":\"abc\"}", "digest")]
    [InlineData("{\"pushedAt\":null,\"digest\":{\"path\":\"a\",\"bytes\":1}}", "digest.sha256")]
    [InlineData("{\"pushedAt\":null,\"digest\":{\"path\":\"a\",\"bytes\":-1,\"sha256\":\"0000000000000000000000000000000000000000000000000000000000000000\"}}", "digest.bytes")]
    [InlineData("{\"pushedAt\":null,\"digest\":{\"path\":\"a\",\"bytes\":1.5,\"sha256\":\"0000000000000000000000000000000000000000000000000000000000000000\"}}", "digest.bytes")]
    [InlineData("{\"pushedAt\":null,\"digest\":{\"path\":\"a\",\"bytes\":1,\"sha256\":\"xyz\"}}", "digest.sha256")]
    [InlineData("{\"pushedAt\":null,\"digest\":{\"path\":\"\",\"bytes\":1,\"sha256\":\"0000000000000000000000000000000000000000000000000000000000000000\"}}", "digest.path")]
    [InlineData("{\"pushedAt\":null,\"digest\":{\"path\":\"a\",\"bytes\":1,\"sha256\":\"0000000000000000000000000000000000000000000000000000000000000000\",\"size\":2}}", "digest.size")]
    public async Task Bad_write_bodies_are_400_and_store_nothing(string body, string? field)
    {
        await using var host = await ProxyHost.StartAsync();

        var response = await host.PutAsync("octo", "hello-world", body);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
        (await host.Proxy.Backend.GetAsync("repo:octo/hello-world", CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task Bad_write_path_is_400()
    {
        await using var host = await ProxyHost.StartAsync();

        var response = await host.Client.PutAsync("cache/octo/hello/extra", new StringContent(ValidBody, Encoding.UTF8, "application/json"));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "path");
        (await host.Proxy.Backend.CountAsync("", CancellationToken.None)).ShouldBe(0);
    }

    [Fact]
    public async Task Write_body_over_1_MiB_is_413()
    {
        await using var host = await ProxyHost.StartAsync();
        var error = new string('x', 1024 * 1024);

        var response = await host.PutAsync("octo", "hello-world", $$"""{"pushedAt":null,"status":"failed","error":"{{error}}"}""");

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "body");
        (await host.Proxy.Backend.GetAsync("repo:octo/hello-world", CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task Chunked_body_over_1_MiB_is_413()
    {
        await using var host = await ProxyHost.StartAsync();
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($$"""{"pushedAt":null,"error":"{{new string('x', 1_100_000)}}"}""")));
        var request = new HttpRequestMessage(HttpMethod.Put, "cache/octo/hello-world") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await host.Client.SendAsync(request);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "body");
    }

    [Fact]
    public async Task Body_just_under_1_MiB_is_accepted()
    {
        await using var host = await ProxyHost.StartAsync();
        var prefix = """{"pushedAt":null,"status":"failed","error":""";
        var error = new string('x', 1024 * 1024 - prefix.Length - 3);

        var response = await host.PutAsync("octo", "hello-world", $"{prefix}\"{error}\"}}");

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Theory]
    [InlineData("POST", "cache/octo/hello")]
    [InlineData("PATCH", "cache/octo/hello")]
    [InlineData("POST", "health")]
    [InlineData("DELETE", "health")]
    public async Task Wrong_method_is_405_problem(string method, string url)
    {
        await using var host = await ProxyHost.StartAsync();

        var response = await host.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

        await response.ShouldBeProblemAsync(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Unknown_path_is_404_problem()
    {
        await using var host = await ProxyHost.StartAsync();

        var response = await host.Client.GetAsync("nothing/here");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
