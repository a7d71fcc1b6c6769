using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using RepoCache.Proxy.Hosting;

namespace RepoCache.Proxy.Backends.Cloudflare;

/// <summary>
/// Builds the retry policy of the Cloudflare REST client: exponential backoff with jitter on 429, 5xx,
/// network errors and attempt timeouts, honouring a <c>Retry-After</c> of up to one minute.
/// </summary>
internal static partial class CloudflareRetryPipeline
{
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(1);

    /// <summary>Creates the pipeline. Each attempt is limited to <see cref="CloudflareKvOptions.AttemptTimeout"/>.</summary>
    public static ResiliencePipeline<HttpResponseMessage> Create(CloudflareKvOptions options, ILogger logger)
    {
        var retry = new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = options.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.RetryBaseDelay,
            ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
            DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
            OnRetry = args =>
            {
                var status = args.Outcome.Result is { } response ? (int)response.StatusCode : (int?)null;
                LogRetry(logger, args.Outcome.Exception, args.AttemptNumber + 1, status, args.RetryDelay.TotalMilliseconds);
                args.Outcome.Result?.Dispose();
                return ValueTask.CompletedTask;
            },
        };

        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(retry);
        }

        return builder.AddTimeout(options.AttemptTimeout).Build();
    }

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500,
        _ => false,
    };

    // Null keeps Polly's exponential delay; a Retry-After header in seconds replaces it.
    private static TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        var delta = response?.Headers.RetryAfter?.Delta;
        return delta is { } wait && wait >= TimeSpan.Zero && wait <= MaxRetryAfter ? wait : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cloudflare KV request failed (status {StatusCode}); retry {Attempt} in {DelayMs} ms")]
    private static partial void LogRetry(ILogger logger, Exception? exception, int attempt, int? statusCode, double delayMs);
}
