using RepoCache.Kv.Tests.Support;

namespace RepoCache.Kv.Tests.Realism;

public sealed class StaleReadTests() : EmulatorTestBase(StoreKind.InMemory, staleReadSeconds: 60)
{
    [Fact]
    public async Task Cached_not_found_hides_new_write()
    {
        (await Kv.GetTextAsync("k")).ShouldBeNull();
        await Kv.PutTextAsync("k", "v");

        Clock.Advance(TimeSpan.FromSeconds(59));
        (await Kv.GetTextAsync("k")).ShouldBeNull();

        Clock.Advance(TimeSpan.FromSeconds(1));
        (await Kv.GetTextAsync("k")).ShouldBe("v");
    }

    [Fact]
    public async Task Cached_value_survives_overwrite_and_delete()
    {
        await Kv.PutTextAsync("k", "old");
        (await Kv.GetTextAsync("k")).ShouldBe("old");

        await Kv.PutTextAsync("k", "new");
        (await Kv.GetTextAsync("k")).ShouldBe("old");

        await Kv.DeleteAsync("k");
        (await Kv.GetTextAsync("k")).ShouldBe("old");

        Clock.Advance(TimeSpan.FromSeconds(60));
        (await Kv.GetTextAsync("k")).ShouldBeNull();
    }

    [Fact]
    public async Task Cached_copy_still_expires_on_time()
    {
        await Kv.PutTextAsync("k", "v", new KvPutOptions(ExpirationTtl: 60));
        Clock.Advance(TimeSpan.FromSeconds(10));
        (await Kv.GetTextAsync("k")).ShouldBe("v");

        await Kv.PutTextAsync("k", "v2");
        Clock.Advance(TimeSpan.FromSeconds(50));

        (await Kv.GetTextAsync("k")).ShouldBeNull();
    }

    [Fact]
    public async Task Bulk_get_reads_through_the_same_cache()
    {
        (await Kv.GetTextAsync("k")).ShouldBeNull();
        await Kv.PutTextAsync("k", "v");

        var values = await Kv.GetBulkTextAsync(["k"]);

        values["k"].ShouldBeNull();
    }

    [Fact]
    public async Task List_is_not_stale()
    {
        (await Kv.GetTextAsync("k")).ShouldBeNull();
        await Kv.PutTextAsync("k", "v");

        (await Kv.ListAsync()).Keys.Single().Name.ShouldBe("k");
    }
}
