using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RepoCache.Proxy.Backends;
using RepoCache.Proxy.Caching;
using RepoCache.Proxy.Contract;
using RepoCache.Proxy.Stats;

namespace RepoCache.Proxy.Http;

/// <summary><c>GET /cache/stats</c> and <c>POST /cache/stats/reset</c>.</summary>
internal static partial class StatsEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/cache/stats", (Delegate)GetAsync);
        routes.MapPost("/cache/stats/reset", (Delegate)ResetAsync);
    }

    private static async Task<IResult> GetAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var stats = services.GetRequiredService<ProxyStats>();
        var backend = services.GetRequiredService<ICacheBackend>();

        long? entries;
        try
        {
            entries = await services.GetRequiredService<EntryCounter>().CountAsync(context.RequestAborted);
        }
        catch (CacheBackendException exception)
        {
            LogCountFailed(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StatsEndpoints)), exception);
            entries = null;
        }

        return Results.Json(new CacheStatsResponse(backend.Kind, entries, stats.SinceStart(), stats.SinceReset()));
    }

    // The reset counts as done only once the empty counters are saved, so a restart cannot bring old ones back.
    // When the save fails the client gets 503, the in-memory window is already reset, and the next flush retries the save.
    private static async Task<IResult> ResetAsync(HttpContext context)
    {
        var stats = context.RequestServices.GetRequiredService<ProxyStats>();
        var store = context.RequestServices.GetRequiredService<StatsStore>();

        stats.Reset();
        try
        {
            await store.SaveAsync(stats, context.RequestAborted);
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not CacheBackendException)
        {
            throw new CacheBackendException("put", StatsStore.Key, exception.Message, exception);
        }

        return Results.NoContent();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Counting cache entries failed; stats report entries as null")]
    private static partial void LogCountFailed(ILogger logger, Exception exception);
}
