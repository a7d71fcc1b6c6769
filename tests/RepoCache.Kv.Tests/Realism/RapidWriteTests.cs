using RepoCache.Kv.Tests.Support;

namespace RepoCache.Kv.Tests.Realism;

public sealed class RapidWriteTests() : EmulatorTestBase(StoreKind.InMemory, rejectRapidWrites: true)
{
    [Fact]
    public async Task Second_put_within_one_second_is_rejected_with_429()
    {
        await Kv.PutTextAsync("k", "1");
        Clock.Advance(TimeSpan.FromMilliseconds(999));

        var error = await ShouldFail(() => Kv.PutTextAsync("k", "2"));

        error.StatusCode.ShouldBe(429);
        error.Message.ShouldBe("KV PUT failed: 429 Too Many Requests");
        (await Kv.GetTextAsync("k")).ShouldBe("1");
    }

    [Fact]
    public async Task Put_one_second_later_is_accepted()
    {
        await Kv.PutTextAsync("k", "1");
        Clock.Advance(TimeSpan.FromSeconds(1));

        await Kv.PutTextAsync("k", "2");

        (await Kv.GetTextAsync("k")).ShouldBe("2");
    }

    [Fact]
    public async Task Rejected_put_does_not_extend_the_window()
    {
        await Kv.PutTextAsync("k", "1");
        Clock.Advance(TimeSpan.FromMilliseconds(500));
        await ShouldFail(() => Kv.PutTextAsync("k", "2"));

        Clock.Advance(TimeSpan.FromMilliseconds(500));

        await Should.NotThrowAsync(() => Kv.PutTextAsync("k", "3"));
    }

    [Fact]
    public async Task Different_keys_do_not_limit_each_other()
    {
        await Kv.PutTextAsync("a", "1");

        await Should.NotThrowAsync(() => Kv.PutTextAsync("b", "1"));
    }

    [Fact]
    public async Task Invalid_put_does_not_count_as_a_write()
    {
        await ShouldFail(() => Kv.PutTextAsync("k", "1", new KvPutOptions(ExpirationTtl: 1)));

        await Should.NotThrowAsync(() => Kv.PutTextAsync("k", "2"));
    }
}
