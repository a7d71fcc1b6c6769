using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RepoCache.Proxy.Backends;
using RepoCache.Proxy.Contract;

namespace RepoCache.Proxy.Http;

/// <summary><c>GET /health</c>: versions and the KV backend in use.</summary>
internal static class HealthEndpoint
{
    private static readonly string Version =
        typeof(HealthEndpoint).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public static void Map(IEndpointRouteBuilder routes) => routes.MapGet("/health", (Delegate)Get);

    private static IResult Get(HttpContext context)
    {
        var backend = context.RequestServices.GetRequiredService<ICacheBackend>();
        return Results.Json(new HealthResponse("ok", Version, Environment.Version.ToString(), backend.Kind, backend.Location));
    }
}
