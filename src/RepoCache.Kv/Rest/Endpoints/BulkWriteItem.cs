namespace RepoCache.Kv.Rest.Endpoints;

/// <summary>One validated item of a bulk write, ready to store.</summary>
internal sealed record BulkWriteItem(string Key, byte[] Value, KvPutOptions Options);
