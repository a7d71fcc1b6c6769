using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace RepoCache.Ingest.Http;

/// <summary>Builds the Polly retry pipeline shared by the proxy and GitHub clients.</summary>
public static class RetryPipelineFactory
{
    /// <summary>
    /// Creates a pipeline that retries network errors, timeouts, 429, 5xx and GitHub's exhausted rate limit,
    /// with exponential backoff and jitter, waiting the time that <c>Retry-After</c> requests when present (capped by
    /// <see cref="RetrySettings.MaxDelay"/>).
    /// </summary>
    public static ResiliencePipeline<HttpResponseMessage> Create(RetrySettings settings, TimeProvider timeProvider, ILogger logger, string target)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
        if (settings.MaxRetries == 0)
        {
            return builder.Build();
        }

        builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = settings.MaxRetries,
            Delay = settings.BaseDelay,
            MaxDelay = settings.MaxDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome, args.Context.CancellationToken)),
            DelayGenerator = args =>
            {
                var requested = args.Outcome.Result is { } response ? RetryAfter.From(response, timeProvider.GetUtcNow()) : null;
                TimeSpan? delay = requested is null ? null : Min(requested.Value, settings.MaxDelay);
                return ValueTask.FromResult(delay);
            },
            OnRetry = args =>
            {
                var outcome = args.Outcome.Exception?.Message ?? $"HTTP {(int)args.Outcome.Result!.StatusCode}";
                logger.LogWarning(
                    "Retrying {Target} after {Outcome}: attempt {Attempt} of {MaxRetries}, waiting {DelayMs} ms",
                    target, outcome, args.AttemptNumber + 1, settings.MaxRetries, (long)args.RetryDelay.TotalMilliseconds);

                // The failed response is replaced by the next attempt's, so its connection must be released now.
                args.Outcome.Result?.Dispose();
                return ValueTask.CompletedTask;
            },
        });
        return builder.Build();
    }

    /// <summary>Returns whether a response status is worth retrying: 408, 429, any 5xx, or GitHub's exhausted rate limit.</summary>
    public static bool IsTransient(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
        || (int)response.StatusCode >= 500
        || RetryAfter.IsRateLimitExhausted(response);

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken) => outcome switch
    {
        { Exception: HttpRequestException } => true,
        { Exception: OperationCanceledException } => !cancellationToken.IsCancellationRequested,
        { Exception: IOException } => true,
        { Result: { } response } => IsTransient(response),
        _ => false,
    };

    private static TimeSpan Min(TimeSpan left, TimeSpan right) => left < right ? left : right;
}
