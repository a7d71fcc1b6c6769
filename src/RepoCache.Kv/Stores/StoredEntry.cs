namespace RepoCache.Kv.Stores;

/// <summary>An entry as stored: exact UTF-8 key bytes, value bytes, expiration in epoch seconds, and compact metadata JSON.</summary>
internal sealed record StoredEntry(byte[] Key, byte[] Value, long? Expiration, string? MetadataJson)
{
    /// <summary>Tells whether the entry has expired at <paramref name="now"/> (epoch seconds).</summary>
    public bool IsExpiredAt(long now) => Expiration is { } expiration && expiration <= now;
}
