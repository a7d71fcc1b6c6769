using RepoCache.Kv.Semantics;

namespace RepoCache.Kv.Rest;

/// <summary>
/// Finds the namespace a request addresses, creating it first for key-level requests when the options allow.
/// </summary>
internal static class KvRestNamespaces
{
    /// <summary>
    /// Returns the binding of the addressed namespace. Throws 400/10011 for a malformed id and 404/10013 when the
    /// namespace does not exist and may not be created.
    /// </summary>
    public static IKvNamespace Resolve(KvRestRequest request)
    {
        var id = request.NamespaceId;
        NamespaceRules.ValidateId(id);

        if (request.Options.CreateNamespacesOnFirstUse)
        {
            request.Emulator.GetOrCreateNamespace(id);
        }

        return request.Emulator.GetNamespace(id);
    }

    /// <summary>Returns the description of the addressed namespace, never creating it.</summary>
    public static KvNamespaceInfo Describe(KvRestRequest request)
    {
        var id = request.NamespaceId;
        NamespaceRules.ValidateId(id);

        return request.Emulator.FindNamespace(id) ?? throw KvRestErrors.NamespaceNotFound(id);
    }
}
