using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using RepoCache.Proxy.Backends;
using RepoCache.Proxy.Validation;

namespace RepoCache.Proxy.Http;

/// <summary>
/// Maps exceptions to problem responses in one place: client mistakes to 4xx, KV failures to 503,
/// and anything else to a logged 500.
/// </summary>
internal sealed partial class ProblemMappingMiddleware(RequestDelegate next, ILogger<ProblemMappingMiddleware> logger)
{
    /// <summary>Seconds a client should wait before retrying after a 503.</summary>
    public const int RetryAfterSeconds = 1;

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (RequestProblemException problem) when (!context.Response.HasStarted)
        {
            LogRejected(logger, context.Request.Method, context.Request.Path.Value, problem.StatusCode, problem.Code, problem.Field);
            await ProblemWriter.WriteAsync(context, problem.StatusCode, problem.Code, problem.Field, problem.Message);
        }
        catch (BadHttpRequestException badRequest) when (!context.Response.HasStarted)
        {
            LogRejected(logger, context.Request.Method, context.Request.Path.Value, badRequest.StatusCode, ProblemCodes.InvalidField, null);
            await ProblemWriter.WriteAsync(context, badRequest.StatusCode, ProblemCodes.InvalidField, null, badRequest.Message);
        }
        catch (CacheBackendException failure) when (!context.Response.HasStarted)
        {
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await ProblemWriter.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, ProblemCodes.StoreUnavailable, null,
                $"The KV store failed, so the request may not have taken effect: {failure.Message} Retry later.");
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            LogAborted(logger, context.Request.Method, context.Request.Path.Value);
        }
        catch (Exception exception) when (!context.Response.HasStarted)
        {
            LogUnexpected(logger, exception, context.Request.Method, context.Request.Path.Value);
            await ProblemWriter.WriteAsync(context, StatusCodes.Status500InternalServerError, "internal-error", null,
                "The proxy failed unexpectedly; the error is in its log.");
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Method} {Path} rejected with {StatusCode} {Code} (field {Field})")]
    private static partial void LogRejected(ILogger logger, string method, string? path, int statusCode, string code, string? field);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Method} {Path} aborted by the client")]
    private static partial void LogAborted(ILogger logger, string method, string? path);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed unexpectedly")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string? path);
}
