namespace RepoCache.Kv.Stores;

/// <summary>A listed key without its value: exact UTF-8 key bytes, expiration in epoch seconds, and compact metadata JSON.</summary>
internal sealed record StoredKey(byte[] Key, long? Expiration, string? MetadataJson)
{
    /// <summary>Tells whether the key has expired at <paramref name="now"/> (epoch seconds).</summary>
    public bool IsExpiredAt(long now) => Expiration is { } expiration && expiration <= now;
}
