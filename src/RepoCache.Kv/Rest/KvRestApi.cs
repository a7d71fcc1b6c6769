using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RepoCache.Kv.Rest;

/// <summary>
/// Maps the Workers KV REST API v4 endpoints onto an ASP.NET Core application.
/// </summary>
public static class KvRestApi
{
    /// <summary>Route pattern that catches every request below <c>/client/v4/</c>.</summary>
    public const string RoutePattern = "/client/v4/{**path}";

    /// <summary>
    /// Maps the 14 KV endpoints under <c>/client/v4/accounts/{account_id}/storage/kv/namespaces</c>, served from
    /// <paramref name="emulator"/>, and returns a 404 envelope for other <c>/client/v4/</c> paths.
    /// </summary>
    /// <remarks>
    /// One catch-all route feeds a dispatcher that parses the raw request target itself, because ASP.NET Core
    /// routing sees the path only after Kestrel has folded <c>.</c> and <c>..</c> segments, so a key path such as
    /// <c>/values/..</c> would otherwise reach the namespace endpoint.
    /// NOTE: a key such as <c>../../../../../../../..</c> makes Kestrel fold the path above <c>/client/v4/</c>, so it never
    /// reaches this route and the host application handles it. <see cref="KvRestServer"/> skips routing and stores such keys.
    /// </remarks>
    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints, KvEmulator emulator, KvRestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(emulator);

        var dispatcher = CreateDispatcher(endpoints.ServiceProvider, emulator, options ?? new KvRestOptions());
        return endpoints.Map(RoutePattern, dispatcher.HandleAsync);
    }

    /// <summary>Builds the dispatcher that <see cref="Map"/> and <see cref="KvRestServer"/> route requests to.</summary>
    internal static KvRestDispatcher CreateDispatcher(IServiceProvider services, KvEmulator emulator, KvRestOptions options)
    {
        var loggerFactory = services.GetService<ILoggerFactory>();
        var logger = loggerFactory?.CreateLogger(typeof(KvRestApi).FullName!) ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        return new KvRestDispatcher(emulator, options, logger);
    }
}
