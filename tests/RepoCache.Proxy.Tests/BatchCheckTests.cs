using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using RepoCache.Proxy.Contract;
using RepoCache.Proxy.Tests.Support;

namespace RepoCache.Proxy.Tests;

public class BatchCheckTests
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Results_come_in_request_order_with_reasons()
    {
        await using var host = await ProxyHost.StartAsync();
        await host.PutCompleteAsync("octo", "fresh", "2020-01-01T00:00:00Z", "p1");
        await host.PutCompleteAsync("octo", "stale", "2020-01-01T00:00:00Z", "p1");
        await host.PutCompleteAsync("octo", "other-processor", "2020-01-01T00:00:00Z", "p0");
        await host.PutAsync("octo", "failed", """{"pushedAt":"2020-01-01T00:00:00Z","status":"failed","processor":"p1"}""");

        var response = await host.Client.PostAsync("cache/check", Json("""
            {"processor":"p1","repos":[
              {"owner":"octo","name":"stale","pushedAt":"2020-01-02T00:00:00Z"},
              {"owner":"Octo","name":"Fresh","pushedAt":"2020-01-01T01:00:00+01:00"},
              {"owner":"octo","name":"absent","pushedAt":null},
              {"owner":"octo","name":"failed","pushedAt":"2020-01-01T00:00:00Z"},
              {"owner":"octo","name":"other-processor","pushedAt":"2020-01-01T00:00:00.000Z"}
            ]}
            """));

        var body = await response.Content.ReadFromJsonAsync<CheckResponse>();
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var results = body.ShouldNotBeNull().Results;
        results.Select(result => result.Name).ShouldBe(["stale", "Fresh", "absent", "failed", "other-processor"]);
        results.Select(result => result.Hit).ShouldBe([false, true, false, false, false]);
        results.Select(result => result.Reason).ShouldBe([MissReason.Stale, null, MissReason.Absent, MissReason.Failed, MissReason.ProcessorChanged]);
        results[1].Owner.ShouldBe("Octo");
    }

    [Fact]
    public async Task Duplicate_repositories_get_one_result_each()
    {
        await using var host = await ProxyHost.StartAsync();
        await host.PutCompleteAsync("octo", "repo", "2020-01-01T00:00:00Z");

        var response = await host.Client.PostAsync("cache/check", Json("""
            {"repos":[{"owner":"octo","name":"repo","pushedAt":"2020-01-01T00:00:00Z"},{"owner":"OCTO","name":"REPO","pushedAt":"2021-01-01T00:00:00Z"}]}
            """));

        var results = (await response.Content.ReadFromJsonAsync<CheckResponse>()).ShouldNotBeNull().Results;
        results.Count.ShouldBe(2);
        results[0].Hit.ShouldBeTrue();
        results[1].Reason.ShouldBe(MissReason.Stale);
    }

    [Fact]
    public async Task Ten_thousand_repositories_are_checked_in_one_request()
    {
        await using var host = await ProxyHost.StartAsync();
        for (var i = 0; i < 250; i++)
        {
            await host.PutCompleteAsync("org", $"repo-{i:D5}", "2020-01-01T00:00:00Z");
        }

        var repos = Enumerable.Range(0, 10_000).Select(i => new { owner = "org", name = $"repo-{i:D5}", pushedAt = "2020-01-01T00:00:00Z" });
        var response = await host.Client.PostAsJsonAsync("cache/check", new { processor = (string?)null, repos });

        var results = (await response.Content.ReadFromJsonAsync<CheckResponse>()).ShouldNotBeNull().Results;
        results.Count.ShouldBe(10_000);
        results.Take(250).ShouldAllBe(result => result.Hit);
        results.Skip(250).ShouldAllBe(result => !result.Hit && result.Reason == MissReason.Absent);
        results[9_999].Name.ShouldBe("repo-09999");
        var stats = await host.StatsAsync();
        stats.SinceStart.Checks.ShouldBe(10_000);
        stats.SinceStart.Hits.ShouldBe(250);
        stats.SinceStart.MissesByReason[MissReason.Absent].ShouldBe(9_750);
    }

    [Fact]
    public async Task Empty_batch_returns_no_results()
    {
        await using var host = await ProxyHost.StartAsync();

        var response = await host.Client.PostAsync("cache/check", Json("""{"repos":[]}"""));

        var body = await response.ShouldBeJsonAsync(HttpStatusCode.OK);
        body.GetProperty("results").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task More_than_ten_thousand_repositories_is_400()
    {
        await using var host = await ProxyHost.StartAsync();
        var repos = Enumerable.Range(0, 10_001).Select(i => new { owner = "org", name = $"r{i}", pushedAt = (string?)null });

        var response = await host.Client.PostAsJsonAsync("cache/check", new { repos });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "repos");
        problem.GetProperty("code").GetString().ShouldBe("too-many-items");
    }

    [Fact]
    public async Task Batch_body_over_10_MiB_is_413()
    {
        await using var host = await ProxyHost.StartAsync();
        var padding = new string(' ', 10 * 1024 * 1024);

        var response = await host.Client.PostAsync("cache/check", Json($$"""{"repos":[]{{padding}}}"""));

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "body");
    }

    [Theory]
    [InlineData("null", null)]
    [InlineData("{}", "repos")]
    [InlineData("{\"repos\":{}}", "repos")]
    [InlineData("{\"repos\":[],\"extra\":1}", "extra")]
    [InlineData("{\"processor\":5,\"repos\":[]}", "processor")]
    [InlineData("{\"repos\":[42]}", "repos[0]")]
    [InlineData("{\"repos\":[{\"owner\":\"o\",\"name\":\"n\",\"pushedAt\":null},{\"owner\":\"o\",\"name\":\"n\"}]}", "repos[1].pushedAt")]
    [InlineData("{\"repos\":[{\"owner\":\"o\",\"name\":\"n\",\"pushedAt\":null},{\"owner\":\"o\",\"name\":\"n\",\"pushedAt\":\"soon\"}]}", "repos[1].pushedAt")]
    [InlineData("{\"repos\":[{\"owner\":\"\",\"name\":\"n\",\"pushedAt\":null}]}", "repos[0].owner")]
    [InlineData("{\"repos\":[{\"owner\":\"o\",\"name\":\"a/b\",\"pushedAt\":null}]}", "repos[0].name")]
    [InlineData("{\"repos\":[{\"owner\":\"o\",\"pushedAt\":null}]}", "repos[0].name")]
    [InlineData("{\"repos\":[{\"owner\":1,\"name\":\"n\",\"pushedAt\":null}]}", "repos[0].owner")]
    [InlineData("{\"repos\":[{\"owner\":\"o\",\"name\":\"n\",\"pushedAt\":null,\"url\":\"x\"}]}", "repos[0].url")]
    [InlineData("{\"repos\":[{\"owner\":\"o\",\"owner\":\"o\",\"name\":\"n\",\"pushedAt\":null}]}", "repos[0].owner")]
    [InlineData("{\"repos\":[{\"owner\":\"o\",\"name\":\"n\",\"pushedAt\":null,\"pushedAt\":null}]}", "repos[0].pushedAt")]
    [InlineData("{\"repos\":[{\"owner\":\"o\",\"name\":\"n\",\"pushedAt\":5}]}", "repos[0].pushedAt")]
    [InlineData("{\"repos\":[{\"owner\":\"o\",\"name\":null,\"pushedAt\":null}]}", "repos[0].name")]
    [InlineData("{\"repos\":[{\"owner\":\"o\",\"name\":\"n\",\"pushedAt\":null},{\"Owner\":\"o\",\"name\":\"n\",\"pushedAt\":null}]}", "repos[1].Owner")]
    public async Task Bad_batch_bodies_are_400_naming_the_item(string body, string? field)
    {
        await using var host = await ProxyHost.StartAsync();

        var response = await host.Client.PostAsync("cache/check", Json(body));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
        (await host.StatsAsync()).SinceStart.Checks.ShouldBe(0);
    }

    [Fact]
    public async Task Problem_names_the_rule_and_the_value()
    {
        await using var host = await ProxyHost.StartAsync();

        var response = await host.Client.PostAsync("cache/check", Json("""{"repos":[{"owner":"o","name":"n","pushedAt":"05/02/2019"}]}"""));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "repos[0].pushedAt");
        var detail = problem.GetProperty("detail").GetString()!;
        detail.ShouldContain("05/02/2019");
        detail.ShouldContain("ISO 8601");
        problem.GetProperty("code").GetString().ShouldBe("invalid-field");
        JsonSerializer.Serialize(problem).ShouldContain("\"title\"");
    }

    [Fact]
    public async Task Reordered_and_escaped_members_are_read()
    {
        await using var host = await ProxyHost.StartAsync();
        await host.PutCompleteAsync("octo", "repo", "2020-01-01T00:00:00Z");

        var response = await host.Client.PostAsync("cache/check", Json("""
            {"repos":[
              {"pushedAt":"2020-01-01T00:00:00Z","name":"repo","owner":"octo"},
              {"\u006fwner":"octo","n\u0061me":"repo","pushedAt":"2020-01-01T00:00:00.000Z"},
              {"owner":"octo","name":"never","pushedAt":null}
            ]}
            """));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().ShouldBe("application/json; charset=utf-8");
        (await response.Content.ReadAsStringAsync()).ShouldBe(
            """{"results":[{"owner":"octo","name":"repo","hit":true,"reason":null},{"owner":"octo","name":"repo","hit":true,"reason":null},{"owner":"octo","name":"never","hit":false,"reason":"absent"}]}""");
    }
}
