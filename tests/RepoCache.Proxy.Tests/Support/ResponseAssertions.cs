using System.Net;
using System.Text.Json;

namespace RepoCache.Proxy.Tests.Support;

/// <summary>Checks on problem responses: status, <c>application/problem+json</c>, and the named field.</summary>
public static class ResponseAssertions
{
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", body);

        var problem = JsonDocument.Parse(body).RootElement.Clone();
        problem.GetProperty("status").GetInt32().ShouldBe((int)status);
        problem.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
        if (field is not null)
        {
            problem.GetProperty("field").GetString().ShouldBe(field, body);
        }

        return problem;
    }

    public static async Task<JsonElement> ShouldBeJsonAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json", body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
