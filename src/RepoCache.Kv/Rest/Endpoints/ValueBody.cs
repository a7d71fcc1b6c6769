namespace RepoCache.Kv.Rest.Endpoints;

/// <summary>A value write's body: the value bytes and, from a multipart body, compact metadata JSON.</summary>
internal sealed record ValueBody(byte[] Value, string? MetadataJson);
