using RepoCache.Kv.Tests.Support;

namespace RepoCache.Kv.Tests.Binding;

public abstract class ExpirationTests(StoreKind store) : EmulatorTestBase(store)
{
    public sealed class InMemory() : ExpirationTests(StoreKind.InMemory);

    public sealed class LiteDb() : ExpirationTests(StoreKind.LiteDb);

    [Fact]
    public async Task Ttl_of_60_is_stored_as_now_plus_60()
    {
        await Kv.PutTextAsync("k", "v", new KvPutOptions(ExpirationTtl: 60));

        (await Kv.GetWithMetadataAsync("k"))!.Expiration.ShouldBe(NowSeconds + 60);
        (await Kv.ListAsync()).Keys.Single().Expiration.ShouldBe(NowSeconds + 60);
    }

    [Fact]
    public async Task Ttl_of_59_is_rejected_with_400()
    {
        var error = await ShouldFail(() => Kv.PutTextAsync("k", "v", new KvPutOptions(ExpirationTtl: 59)));

        error.StatusCode.ShouldBe(400);
        error.Message.ShouldBe("KV PUT failed: 400 Invalid expiration_ttl of 59. Expiration TTL must be at least 60.");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public async Task Ttl_of_zero_or_less_is_rejected(long ttl)
    {
        var error = await ShouldFail(() => Kv.PutTextAsync("k", "v", new KvPutOptions(ExpirationTtl: ttl)));

        error.Message.ShouldBe($"KV PUT failed: 400 Invalid expiration_ttl of {ttl}. Please specify integer greater than 0.");
    }

    [Fact]
    public async Task Expiration_60_seconds_ahead_is_accepted()
    {
        await Kv.PutTextAsync("k", "v", new KvPutOptions(Expiration: NowSeconds + 60));

        (await Kv.GetWithMetadataAsync("k"))!.Expiration.ShouldBe(NowSeconds + 60);
    }

    [Fact]
    public async Task Expiration_59_seconds_ahead_is_rejected_with_400()
    {
        var expiration = NowSeconds + 59;

        var error = await ShouldFail(() => Kv.PutTextAsync("k", "v", new KvPutOptions(Expiration: expiration)));

        error.StatusCode.ShouldBe(400);
        error.Message.ShouldBe($"KV PUT failed: 400 Invalid expiration of {expiration}. Expiration times must be at least 60 seconds in the future.");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task Expiration_in_the_past_is_rejected(long offset)
    {
        var expiration = NowSeconds + offset;

        var error = await ShouldFail(() => Kv.PutTextAsync("k", "v", new KvPutOptions(Expiration: expiration)));

        error.Message.ShouldBe($"KV PUT failed: 400 Invalid expiration of {expiration}. Please specify integer greater than the current number of seconds since the UNIX epoch.");
    }

    [Fact]
    public async Task Ttl_wins_over_an_invalid_absolute_expiration()
    {
        await Kv.PutTextAsync("k", "v", new KvPutOptions(Expiration: 1, ExpirationTtl: 120));

        (await Kv.GetWithMetadataAsync("k"))!.Expiration.ShouldBe(NowSeconds + 120);
    }

    [Fact]
    public async Task Key_disappears_at_its_expiration_second()
    {
        await Kv.PutTextAsync("k", "v", new KvPutOptions(ExpirationTtl: 60));

        Clock.Advance(TimeSpan.FromSeconds(59));
        (await Kv.GetTextAsync("k")).ShouldBe("v");
        (await Kv.ListAsync()).Keys.Count.ShouldBe(1);

        Clock.Advance(TimeSpan.FromSeconds(1));
        (await Kv.GetTextAsync("k")).ShouldBeNull();
        (await Kv.ListAsync()).Keys.ShouldBeEmpty();
    }

    [Fact]
    public async Task List_skips_expired_keys_across_pages()
    {
        await Kv.PutTextAsync("a", "v", new KvPutOptions(ExpirationTtl: 60));
        await Kv.PutTextAsync("b", "v");
        await Kv.PutTextAsync("c", "v", new KvPutOptions(ExpirationTtl: 60));
        await Kv.PutTextAsync("d", "v");

        Clock.Advance(TimeSpan.FromSeconds(61));
        var page = await Kv.ListAsync(new KvListOptions(Limit: 2));

        page.Keys.Select(key => key.Name).ShouldBe(["b", "d"]);
        page.ListComplete.ShouldBeTrue();
    }

    [Fact]
    public async Task Put_without_expiration_clears_an_old_one()
    {
        await Kv.PutTextAsync("k", "v", new KvPutOptions(ExpirationTtl: 60));

        await Kv.PutTextAsync("k", "v2");
        Clock.Advance(TimeSpan.FromDays(1));

        var entry = await Kv.GetWithMetadataAsync("k");
        entry.ShouldNotBeNull();
        entry.Expiration.ShouldBeNull();
    }

    [Fact]
    public async Task Expiration_far_beyond_2038_round_trips_exactly()
    {
        const long year3000 = 32_503_680_000;

        await Kv.PutTextAsync("k", "v", new KvPutOptions(Expiration: year3000));

        (await Kv.GetWithMetadataAsync("k"))!.Expiration.ShouldBe(year3000);
    }
}
