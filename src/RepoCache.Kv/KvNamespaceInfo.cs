namespace RepoCache.Kv;

/// <summary>
/// A namespace as the REST API describes it: its 32-hex id, its title, and whether keys in URLs are percent-decoded.
/// </summary>
/// <param name="Id">32 lower-case hexadecimal characters.</param>
/// <param name="Title">Unique title of 1-512 characters.</param>
/// <param name="SupportsUrlEncoding">Always true: the REST surface decodes percent escapes in key path segments once.</param>
public sealed record KvNamespaceInfo(string Id, string Title, bool SupportsUrlEncoding = true);
