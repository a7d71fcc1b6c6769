using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using RepoCache.Kv.Rest.Endpoints;
using RepoCache.Kv.Semantics;

namespace RepoCache.Kv.Rest;

/// <summary>
/// Authenticates a request, parses its raw target, runs the matching endpoint, and maps every failure to the envelope.
/// </summary>
internal sealed class KvRestDispatcher(KvEmulator emulator, KvRestOptions options, ILogger logger)
{
    private readonly KvRestAuthenticator _authenticator = new(options.Token);

    /// <summary>Handles one HTTP request addressed to the KV REST surface.</summary>
    public async Task HandleAsync(HttpContext http)
    {
        var rawTarget = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? http.Request.Path.ToString();
        var method = http.Request.Method;

        try
        {
            _authenticator.Authenticate(http.Request);

            var path = KvRestPathParser.Parse(rawTarget) ?? throw KvRestErrors.NoRoute(method, PathOnly(rawTarget));
            var request = new KvRestRequest(http, path, emulator, options, logger);
            await RouteAsync(request, method, rawTarget);
        }
        catch (KvException error)
        {
            logger.LogInformation(
                "KV REST {Method} {Target} failed with {StatusCode}/{ErrorCode}: {Message}",
                method,
                rawTarget,
                error.StatusCode,
                error.ErrorCode,
                error.Message);
            await WriteErrorAsync(http, error);
        }
        catch (BadHttpRequestException error)
        {
            // Kestrel raises this for a body it cannot read, for example a truncated chunked body.
            logger.LogInformation(error, "KV REST {Method} {Target} sent a request body the server could not read", method, rawTarget);
            await WriteErrorAsync(http, KvRestErrors.Malformed($"The request body could not be read: {error.Message}"));
        }
        catch (Exception error) when (error is OperationCanceledException or IOException && http.RequestAborted.IsCancellationRequested)
        {
            logger.LogDebug("KV REST {Method} {Target} was cancelled by the client", method, rawTarget);
        }
        catch (Exception error)
        {
            logger.LogError(error, "KV REST {Method} {Target} failed unexpectedly", method, rawTarget);
            await WriteErrorAsync(http, KvRestErrors.Internal());
        }
    }

    private static Task RouteAsync(KvRestRequest request, string method, string rawTarget)
    {
        var path = PathOnly(rawTarget);

        return (request.Path.Resource, method) switch
        {
            (KvRestResource.Namespaces, "GET") => NamespaceEndpoints.ListAsync(request),
            (KvRestResource.Namespaces, "POST") => NamespaceEndpoints.CreateAsync(request),
            (KvRestResource.Namespaces, _) => throw KvRestErrors.MethodNotAllowed(method, path, "GET or POST"),

            (KvRestResource.Namespace, "GET") => NamespaceEndpoints.GetAsync(request),
            (KvRestResource.Namespace, "PUT") => NamespaceEndpoints.RenameAsync(request),
            (KvRestResource.Namespace, "DELETE") => NamespaceEndpoints.DeleteAsync(request),
            (KvRestResource.Namespace, _) => throw KvRestErrors.MethodNotAllowed(method, path, "GET, PUT or DELETE"),

            (KvRestResource.Keys, "GET") => KeyListEndpoint.ListAsync(request),
            (KvRestResource.Keys, _) => throw KvRestErrors.MethodNotAllowed(method, path, "GET"),

            (KvRestResource.Value, "GET") => ValueEndpoints.GetAsync(request),
            (KvRestResource.Value, "PUT") => ValueEndpoints.PutAsync(request),
            (KvRestResource.Value, "DELETE") => ValueEndpoints.DeleteAsync(request),
            (KvRestResource.Value, _) => throw KvRestErrors.MethodNotAllowed(method, path, "GET, PUT or DELETE"),

            (KvRestResource.Metadata, "GET") => MetadataEndpoint.GetAsync(request),
            (KvRestResource.Metadata, _) => throw KvRestErrors.MethodNotAllowed(method, path, "GET"),

            (KvRestResource.Bulk, "PUT") => BulkWriteEndpoint.WriteAsync(request),
            (KvRestResource.Bulk, "DELETE") => BulkDeleteEndpoint.DeleteAsync(request),
            (KvRestResource.Bulk, _) => throw KvRestErrors.MethodNotAllowed(method, path, "PUT, or DELETE (deprecated; use POST /bulk/delete)"),

            (KvRestResource.BulkDelete, "POST") => BulkDeleteEndpoint.DeleteAsync(request),
            (KvRestResource.BulkDelete, _) => throw KvRestErrors.MethodNotAllowed(method, path, "POST"),

            (KvRestResource.BulkGet, "POST") => BulkGetEndpoint.GetAsync(request),
            (KvRestResource.BulkGet, _) => throw KvRestErrors.MethodNotAllowed(method, path, "POST"),

            _ => throw KvRestErrors.NoRoute(method, path),
        };
    }

    private static async Task WriteErrorAsync(HttpContext http, KvException error)
    {
        if (http.Response.HasStarted)
        {
            return;
        }

        http.Response.Clear();
        await KvRestEnvelope.WriteErrorAsync(http, error);
    }

    private static string PathOnly(string rawTarget)
    {
        var queryStart = rawTarget.IndexOf('?');
        return queryStart < 0 ? rawTarget : rawTarget[..queryStart];
    }
}
