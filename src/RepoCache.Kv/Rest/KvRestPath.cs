namespace RepoCache.Kv.Rest;

/// <summary>
/// A REST API v4 KV path parsed from the raw request target, with every segment percent-decoded exactly once.
/// </summary>
/// <param name="AccountId">The decoded account id segment.</param>
/// <param name="Resource">The addressed resource.</param>
/// <param name="NamespaceId">The decoded namespace id, or null for the namespace collection.</param>
/// <param name="Key">The decoded key for value and metadata paths, or null.</param>
internal sealed record KvRestPath(string AccountId, KvRestResource Resource, string? NamespaceId, string? Key);
