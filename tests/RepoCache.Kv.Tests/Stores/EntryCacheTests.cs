using RepoCache.Kv.Stores;
using RepoCache.Kv.Stores.Caching;

namespace RepoCache.Kv.Tests.Stores;

public sealed class EntryCacheTests
{
    private const string Ns = "0123456789abcdef0123456789abcdef";

    [Fact]
    public void Cache_stays_within_its_capacity()
    {
        var cache = new EntryCache(capacityBytes: 4096, maxValueBytes: 1024);

        for (var i = 0; i < 500; i++)
        {
            cache.Set(Ns, Entry($"key-{i}", new byte[100 + (i % 50)]));
            cache.UsedBytes.ShouldBeLessThanOrEqualTo(4096);
        }

        cache.Count.ShouldBeGreaterThan(0);
        cache.Count.ShouldBeLessThan(500);
        cache.ContainsEveryKey.ShouldBeFalse();
    }

    [Fact]
    public void Evicted_key_falls_back_to_the_file()
    {
        var cache = new EntryCache(capacityBytes: 1024, maxValueBytes: 1024);
        cache.Set(Ns, Entry("first", new byte[300]));
        cache.ContainsEveryKey.ShouldBeTrue();

        cache.Set(Ns, Entry("second", new byte[300]));
        cache.Set(Ns, Entry("third", new byte[300]));

        cache.TryGet(Ns, Key("first"), out _).ShouldBeFalse();
        cache.TryGet(Ns, Key("third"), out var third).ShouldBeTrue();
        third.ShouldNotBeNull().Value.Length.ShouldBe(300);
    }

    [Fact]
    public void Unwritten_key_is_known_absent()
    {
        var cache = new EntryCache(capacityBytes: 1024 * 1024, maxValueBytes: 1024);
        cache.Set(Ns, Entry("present", [1, 2, 3]));

        cache.TryGet(Ns, Key("missing"), out var missing).ShouldBeTrue();
        missing.ShouldBeNull();
        cache.TryGet("fedcba9876543210fedcba9876543210", Key("present"), out var otherNamespace).ShouldBeTrue();
        otherNamespace.ShouldBeNull();
    }

    [Fact]
    public void Oversized_value_is_not_cached()
    {
        var cache = new EntryCache(capacityBytes: 1024 * 1024, maxValueBytes: 1024);
        cache.Set(Ns, Entry("big", new byte[10]));
        cache.Set(Ns, Entry("big", new byte[1025]));

        cache.TryGet(Ns, Key("big"), out _).ShouldBeFalse();
        cache.TryGet(Ns, Key("other"), out _).ShouldBeFalse();
        cache.Count.ShouldBe(0);
        cache.UsedBytes.ShouldBe(0);
    }

    [Fact]
    public void Byte_count_follows_replacements_and_removals()
    {
        var cache = new EntryCache(capacityBytes: 1024 * 1024, maxValueBytes: 4096);

        for (var round = 0; round < 50; round++)
        {
            cache.Set(Ns, Entry("a", new byte[round * 10]));
            cache.Set(Ns, Entry("b", new byte[500]));
        }

        var twoEntries = cache.UsedBytes;
        cache.Remove(Ns, Key("a"));
        cache.Remove(Ns, Key("b"));

        twoEntries.ShouldBeGreaterThan(990);
        cache.UsedBytes.ShouldBe(0);
        cache.Count.ShouldBe(0);
        cache.TryGet(Ns, Key("a"), out var removed).ShouldBeTrue();
        removed.ShouldBeNull();
    }

    [Fact]
    public void Namespace_removal_keeps_other_namespaces()
    {
        const string other = "fedcba9876543210fedcba9876543210";
        var cache = new EntryCache(capacityBytes: 1024 * 1024, maxValueBytes: 1024);
        cache.Set(Ns, Entry("k", [1]));
        cache.Set(other, Entry("k", [2]));

        cache.RemoveNamespace(Ns);

        cache.TryGet(Ns, Key("k"), out var gone).ShouldBeTrue();
        gone.ShouldBeNull();
        cache.TryGet(other, Key("k"), out var kept).ShouldBeTrue();
        kept.ShouldNotBeNull().Value.ToArray().ShouldBe([(byte)2]);
    }

    [Fact]
    public void Zero_capacity_cache_caches_nothing()
    {
        var cache = new EntryCache(capacityBytes: 0, maxValueBytes: 1024);
        cache.Set(Ns, Entry("k", [1]));

        cache.TryGet(Ns, Key("k"), out _).ShouldBeFalse();
        cache.TryGet(Ns, Key("never"), out _).ShouldBeFalse();
    }

    [Fact]
    public void Negative_capacity_is_rejected()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new EntryCache(capacityBytes: -1, maxValueBytes: 1024))
            .ParamName.ShouldBe("capacityBytes");
    }

    private static byte[] Key(string key) => System.Text.Encoding.UTF8.GetBytes(key);

    private static StoredEntry Entry(string key, byte[] value) => new(Key(key), value, null, null);
}
