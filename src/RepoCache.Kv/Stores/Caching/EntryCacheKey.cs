namespace RepoCache.Kv.Stores.Caching;

/// <summary>A namespace id and exact key bytes, compared by content.</summary>
internal readonly struct EntryCacheKey(string namespaceId, byte[] key) : IEquatable<EntryCacheKey>
{
    /// <summary>The namespace id.</summary>
    public string NamespaceId { get; } = namespaceId;

    /// <summary>The exact UTF-8 key bytes.</summary>
    public byte[] Key { get; } = key;

    /// <inheritdoc/>
    public bool Equals(EntryCacheKey other) =>
        string.Equals(NamespaceId, other.NamespaceId, StringComparison.Ordinal) && Key.AsSpan().SequenceEqual(other.Key);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is EntryCacheKey other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(NamespaceId, StringComparer.Ordinal);
        hash.AddBytes(Key);
        return hash.ToHashCode();
    }
}
