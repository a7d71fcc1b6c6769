namespace RepoCache.Kv.Tests.Support;

/// <summary>The two stores every binding test runs against.</summary>
public enum StoreKind
{
    InMemory,
    LiteDb,
}
