using RepoCache.Kv.Tests.Support;

namespace RepoCache.Kv.Tests.Realism;

public sealed class RealismDefaultsTests() : EmulatorTestBase(StoreKind.InMemory)
{
    [Fact]
    public async Task Reads_see_the_latest_write_by_default()
    {
        (await Kv.GetTextAsync("k")).ShouldBeNull();

        await Kv.PutTextAsync("k", "v");

        (await Kv.GetTextAsync("k")).ShouldBe("v");
    }

    [Fact]
    public async Task Rapid_writes_to_one_key_succeed_by_default()
    {
        await Kv.PutTextAsync("k", "1");

        await Should.NotThrowAsync(() => Kv.PutTextAsync("k", "2"));
    }

    [Fact]
    public void Negative_stale_read_seconds_are_rejected()
    {
        var error = Should.Throw<ArgumentOutOfRangeException>(() => KvEmulator.Open(new KvEmulatorOptions(KvEmulatorOptions.InMemory, StaleReadSeconds: -1)));

        error.Message.ShouldContain("StaleReadSeconds");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Blank_database_path_is_rejected(string path)
    {
        var error = Should.Throw<ArgumentException>(() => KvEmulator.Open(new KvEmulatorOptions(path)));

        error.Message.ShouldContain("DatabasePath");
    }
}
