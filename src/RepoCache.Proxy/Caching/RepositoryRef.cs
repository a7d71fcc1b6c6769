using RepoCache.Proxy.Contract;

namespace RepoCache.Proxy.Caching;

/// <summary>A validated repository, spelled as the client sent it; <see cref="Key"/> ignores case.</summary>
internal sealed record RepositoryRef(string Owner, string Name)
{
    /// <summary>The Workers KV key of the repository.</summary>
    public string Key { get; } = RepositoryName.CacheKey(Owner, Name);

    /// <inheritdoc/>
    public override string ToString() => $"{Owner}/{Name}";
}
