namespace RepoCache.Kv.Rest;

/// <summary>
/// Settings of the REST API v4 endpoints.
/// </summary>
/// <param name="Token">API token that every request must send as <c>Authorization: Bearer &lt;token&gt;</c>; null or empty accepts every request.</param>
/// <param name="CreateNamespacesOnFirstUse">
/// Whether a key, value or bulk request to an unknown namespace id creates that namespace instead of failing with 404/10013.
/// Production never does this; it saves a POST in local use.
/// </param>
public sealed record KvRestOptions(string? Token = null, bool CreateNamespacesOnFirstUse = false);
