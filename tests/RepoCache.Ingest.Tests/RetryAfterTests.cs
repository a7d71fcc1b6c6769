using System.Net;
using System.Net.Http.Headers;
using RepoCache.Ingest.Http;

namespace RepoCache.Ingest.Tests;

public sealed class RetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Seconds_are_read()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7));

        RetryAfter.From(response, Now).ShouldBe(TimeSpan.FromSeconds(7));
    }

    [Fact]
    public void Http_date_is_read_relative_to_now()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(Now.AddSeconds(30));

        RetryAfter.From(response, Now).ShouldBe(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void Past_date_means_no_wait()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(Now.AddSeconds(-30));

        RetryAfter.From(response, Now).ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void GitHub_rate_limit_reset_is_read()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.Forbidden);
        response.Headers.Add("x-ratelimit-remaining", "0");
        response.Headers.Add("x-ratelimit-reset", Now.AddMinutes(2).ToUnixTimeSeconds().ToString());

        RetryAfter.From(response, Now).ShouldBe(TimeSpan.FromMinutes(2));
        RetryPipelineFactory.IsTransient(response).ShouldBeTrue();
    }

    [Fact]
    public void Forbidden_without_rate_limit_is_not_retried()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.Forbidden);

        RetryAfter.From(response, Now).ShouldBeNull();
        RetryPipelineFactory.IsTransient(response).ShouldBeFalse();
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.InternalServerError, true)]
    [InlineData(HttpStatusCode.BadGateway, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.RequestTimeout, true)]
    [InlineData(HttpStatusCode.NotFound, false)]
    [InlineData(HttpStatusCode.BadRequest, false)]
    [InlineData(HttpStatusCode.Conflict, false)]
    public void Status_is_transient_or_not(HttpStatusCode status, bool transient)
    {
        using var response = new HttpResponseMessage(status);

        RetryPipelineFactory.IsTransient(response).ShouldBe(transient);
    }
}
