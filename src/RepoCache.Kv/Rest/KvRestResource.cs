namespace RepoCache.Kv.Rest;

/// <summary>The KV resource a REST path addresses, below <c>/accounts/{account_id}/storage/kv/namespaces</c>.</summary>
internal enum KvRestResource
{
    /// <summary>The namespace collection: list and create.</summary>
    Namespaces,

    /// <summary><c>/{namespace_id}</c>: read, rename, delete.</summary>
    Namespace,

    /// <summary><c>/{namespace_id}/keys</c>: key listing.</summary>
    Keys,

    /// <summary><c>/{namespace_id}/values/{key}</c>: read, write, delete one value.</summary>
    Value,

    /// <summary><c>/{namespace_id}/metadata/{key}</c>: read one key's metadata.</summary>
    Metadata,

    /// <summary><c>/{namespace_id}/bulk</c>: bulk write, and the deprecated bulk delete.</summary>
    Bulk,

    /// <summary><c>/{namespace_id}/bulk/delete</c>: bulk delete.</summary>
    BulkDelete,

    /// <summary><c>/{namespace_id}/bulk/get</c>: bulk read.</summary>
    BulkGet,
}
