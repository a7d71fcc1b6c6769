using RepoCache.Kv.Semantics;

namespace RepoCache.Kv.Rest;

/// <summary>
/// Factory methods for the errors only the REST surface raises; semantic errors come from the KV core.
/// </summary>
internal static class KvRestErrors
{
    public static KvException MissingToken() =>
        new(401, KvRestErrorCodes.AuthenticationError, "Authentication error: the request has no 'Authorization: Bearer <token>' header. Send the API token this server was started with.");

    public static KvException NotBearerScheme() =>
        new(401, KvRestErrorCodes.AuthenticationError, "Authentication error: the Authorization header does not use the Bearer scheme. Send 'Authorization: Bearer <token>'; X-Auth-Email and X-Auth-Key are not supported.");

    public static KvException WrongToken() =>
        new(403, KvRestErrorCodes.AuthenticationError, "Authentication error: the bearer token does not match the token this server was started with.");

    public static KvException NoRoute(string method, string path) =>
        new(404, KvRestErrorCodes.NoRoute, $"No route for {method} {path}. KV endpoints live under /client/v4/accounts/{{account_id}}/storage/kv/namespaces.");

    public static KvException MethodNotAllowed(string method, string path, string allowed) =>
        new(405, KvRestErrorCodes.MethodNotAllowed, $"Method {method} is not available for {path}; use {allowed}.");

    public static KvException NamespaceNotFound(string namespaceId) =>
        new(404, KvErrorCodes.NamespaceNotFound, $"namespace not found: no namespace has the id '{namespaceId}'.");

    public static KvException KeyNotFound() =>
        new(404, KvErrorCodes.KeyNotFound, "get: 'key not found'");

    public static KvException Malformed(string message) =>
        new(400, KvErrorCodes.MalformedRequest, message);

    public static KvException TooLarge(string message) =>
        new(413, KvRestErrorCodes.RequestTooLarge, message);

    public static KvException Internal() =>
        new(500, KvRestErrorCodes.InternalError, "Internal error in the KV emulator; the server log has the details.");
}
