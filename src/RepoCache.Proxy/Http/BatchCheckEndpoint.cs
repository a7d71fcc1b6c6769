using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RepoCache.Proxy.Caching;
using RepoCache.Proxy.Contract;
using RepoCache.Proxy.Validation;

namespace RepoCache.Proxy.Http;

/// <summary><c>POST /cache/check</c>: up to 10,000 repositories in one request, with results in request order.</summary>
internal static partial class BatchCheckEndpoint
{
    public static void Map(IEndpointRouteBuilder routes) => routes.MapPost("/cache/check", (Delegate)CheckAsync);

    private static async Task<IResult> CheckAsync(HttpContext context)
    {
        var body = await RequestBodyReader.ReadAsync(context.Request, CacheLimits.MaxBatchBodyBytes, context.RequestAborted);
        var batch = CheckRequestParser.Parse(body);

        var service = context.RequestServices.GetRequiredService<CacheService>();
        var results = await service.CheckManyAsync(batch, context.RequestAborted);

        return Results.Json(new CheckResponse(results), ResponseJsonContext.Default.CheckResponse);
    }

    /// <summary>Source-generated JSON metadata of the response, with ASP.NET Core's web defaults.</summary>
    [JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
    [JsonSerializable(typeof(CheckResponse))]
    internal sealed partial class ResponseJsonContext : JsonSerializerContext;
}
