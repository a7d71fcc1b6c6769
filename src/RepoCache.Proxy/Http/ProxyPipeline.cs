using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using RepoCache.Proxy.Validation;

namespace RepoCache.Proxy.Http;

/// <summary>Orders the middleware and maps every endpoint of the proxy.</summary>
internal static class ProxyPipeline
{
    /// <summary>Adds error mapping, problem bodies for unmatched routes, the token check when set, and the endpoints.</summary>
    public static void Configure(WebApplication app, string? token)
    {
        app.UseMiddleware<ProblemMappingMiddleware>();
        app.UseStatusCodePages(context => WriteRouteProblemAsync(context.HttpContext));

        if (token is not null)
        {
            app.UseMiddleware<BearerTokenMiddleware>(token);
        }

        HealthEndpoint.Map(app);
        StatsEndpoints.Map(app);
        BatchCheckEndpoint.Map(app);
        CacheEntryEndpoints.Map(app);
    }

    private static Task WriteRouteProblemAsync(HttpContext context)
    {
        var status = context.Response.StatusCode;
        var detail = status == StatusCodes.Status405MethodNotAllowed
            ? $"{context.Request.Method} is not allowed on {context.Request.Path}; see the cache proxy's endpoint list in the README."
            : $"No endpoint matches {context.Request.Method} {context.Request.Path}; the proxy serves /health and /cache/....";
        return ProblemWriter.WriteAsync(context, status, ProblemCodes.NotFound, "path", detail);
    }
}
