using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace RepoCache.Kv.Rest;

/// <summary>
/// One REST request being handled: the HTTP context, its parsed path, and the emulator it addresses.
/// </summary>
internal sealed record KvRestRequest(HttpContext Http, KvRestPath Path, KvEmulator Emulator, KvRestOptions Options, ILogger Logger)
{
    public CancellationToken Aborted => Http.RequestAborted;

    public IQueryCollection Query => Http.Request.Query;

    /// <summary>The decoded key of a value or metadata path.</summary>
    public string Key => Path.Key ?? throw new InvalidOperationException($"The {Path.Resource} path has no key.");

    /// <summary>The decoded namespace id of a path below the namespace collection.</summary>
    public string NamespaceId => Path.NamespaceId ?? throw new InvalidOperationException($"The {Path.Resource} path has no namespace id.");
}
