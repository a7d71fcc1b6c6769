using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using RepoCache.Proxy.Caching;
using RepoCache.Proxy.Contract;
using RepoCache.Proxy.Validation;

namespace RepoCache.Proxy.Http;

/// <summary><c>GET</c>, <c>PUT</c> and <c>DELETE /cache/{owner}/{repo}</c>.</summary>
internal static class CacheEntryEndpoints
{
    private const string Pattern = "/cache/{**path}";

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet(Pattern, (Delegate)CheckAsync);
        routes.MapPut(Pattern, (Delegate)WriteAsync);
        routes.MapDelete(Pattern, (Delegate)DeleteAsync);
    }

    private static async Task<IResult> CheckAsync(HttpContext context)
    {
        var repository = RepositoryPath.Parse(context);
        var pushedAt = ReadPushedAt(context.Request.Query);
        var processor = FieldRules.Processor(ReadSingle(context.Request.Query, "processor"), "processor");

        var service = context.RequestServices.GetRequiredService<CacheService>();
        var (outcome, entry) = await service.CheckAsync(repository, pushedAt, processor, context.RequestAborted);

        return outcome.IsHit
            ? Results.Json(entry)
            : Results.Json(new MissResponse(true, outcome.Reason!), statusCode: StatusCodes.Status404NotFound);
    }

    private static async Task WriteAsync(HttpContext context)
    {
        var repository = RepositoryPath.Parse(context);
        var body = await RequestBodyReader.ReadAsync(context.Request, CacheLimits.MaxBodyBytes, context.RequestAborted);
        var write = WriteRequestParser.Parse(body);

        var service = context.RequestServices.GetRequiredService<CacheService>();
        var result = await service.WriteAsync(repository, write, context.RequestAborted);

        if (result.ConflictingEntry is { } stored)
        {
            var requested = write.PushedAt is { } instant ? PushedAt.Format(instant) : null;
            await ProblemWriter.WriteAsync(context, StatusCodes.Status409Conflict, ProblemCodes.LaterEntryStored, "pushedAt",
                $"A complete entry for {repository} with pushedAt {stored.PushedAt} is stored, later than the request's {requested}; nothing changed. Check the feed row, or DELETE the entry first to replace it.",
                new Dictionary<string, object?> { ["storedPushedAt"] = stored.PushedAt });
            return;
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private static async Task<IResult> DeleteAsync(HttpContext context)
    {
        var repository = RepositoryPath.Parse(context);

        var service = context.RequestServices.GetRequiredService<CacheService>();
        await service.DeleteAsync(repository, context.RequestAborted);

        return Results.NoContent();
    }

    private static DateTimeOffset? ReadPushedAt(IQueryCollection query)
    {
        var text = ReadSingle(query, "pushedAt");
        if (text is null)
        {
            throw RequestProblemException.Missing("pushedAt",
                $"Query parameter pushedAt is required: send the feed's value, like ?pushedAt=2019-02-05T04:42:37Z, or ?pushedAt={FieldRules.NullLiteral} for a repository that was never pushed.");
        }

        return text == FieldRules.NullLiteral ? null : FieldRules.PushedAtValue(RestorePlus(text), "pushedAt");
    }

    // An unencoded '+' in a query string decodes to a space, which turns 05:42:37+01:00 into 05:42:37 01:00.
    private static string RestorePlus(string text) =>
        text.Length > 6 && text[^6] == ' ' && char.IsAsciiDigit(text[^5]) && text[^3] == ':'
            ? string.Concat(text.AsSpan(0, text.Length - 6), "+", text.AsSpan(text.Length - 5))
            : text;

    private static string? ReadSingle(IQueryCollection query, string name)
    {
        if (!query.TryGetValue(name, out StringValues values) || values.Count == 0)
        {
            return null;
        }

        if (values.Count > 1)
        {
            throw RequestProblemException.Invalid(name, $"Query parameter {name} appears {values.Count} times; send it once.");
        }

        return values[0];
    }
}
