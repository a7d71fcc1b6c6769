using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using RepoCache.Kv.Tests.Support;

namespace RepoCache.Kv.Tests.Stores;

public sealed class ReadCacheTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly TempFolder folder = new();
    private readonly FakeTimeProvider clock = new(Start);

    [Theory]
    [InlineData(0)]
    [InlineData(2048)]
    [InlineData(KvEmulatorOptions.DefaultReadCacheBytes)]
    public async Task Values_read_back_byte_exact(long cacheBytes)
    {
        var values = Enumerable.Range(0, 200).Select(i => RandomNumberGenerator.GetBytes(50 + i)).ToArray();

        using (var emulator = Open(cacheBytes))
        {
            var kv = emulator.GetNamespace(emulator.CreateNamespace("cache").Id);
            for (var i = 0; i < values.Length; i++)
            {
                await kv.PutAsync($"key-{i}", values[i]);
            }

            for (var i = 0; i < values.Length; i++)
            {
                (await kv.GetBytesAsync($"key-{i}")).ShouldBe(values[i]);
            }

            (await kv.GetBytesAsync("never-written")).ShouldBeNull();
        }

        using var reopened = Open(cacheBytes);
        var again = reopened.GetNamespace(reopened.ListNamespaces().Single().Id);
        var bulk = await again.GetBulkAsync([.. Enumerable.Range(0, 100).Select(i => $"key-{i}")]);
        bulk.Values.Select(entry => entry!.Value.ToArray()).ShouldBe(values.Take(100));
        (await again.GetBytesAsync("key-199")).ShouldBe(values[199]);
    }

    [Fact]
    public async Task Overwrite_and_delete_are_read_back()
    {
        using (var emulator = Open(KvEmulatorOptions.DefaultReadCacheBytes))
        {
            var kv = emulator.GetNamespace(emulator.CreateNamespace("cache").Id);
            await kv.PutTextAsync("a", "first");
            await kv.PutTextAsync("b", "first");
            (await kv.GetTextAsync("a")).ShouldBe("first");

            await kv.PutTextAsync("a", "second", new KvPutOptions(MetadataJson: "{\"v\":2}"));
            await kv.DeleteAsync("b");

            var a = await kv.GetWithMetadataAsync("a");
            a.ShouldNotBeNull().MetadataJson.ShouldBe("{\"v\":2}");
            (await kv.GetTextAsync("a")).ShouldBe("second");
            (await kv.GetTextAsync("b")).ShouldBeNull();
        }

        using var reopened = Open(KvEmulatorOptions.DefaultReadCacheBytes);
        var again = reopened.GetNamespace(reopened.ListNamespaces().Single().Id);
        (await again.GetTextAsync("a")).ShouldBe("second");
        (await again.GetTextAsync("b")).ShouldBeNull();
    }

    [Fact]
    public async Task Cached_entry_expires_on_the_clock()
    {
        using var emulator = Open(KvEmulatorOptions.DefaultReadCacheBytes);
        var kv = emulator.GetNamespace(emulator.CreateNamespace("cache").Id);
        await kv.PutTextAsync("short", "v", new KvPutOptions(ExpirationTtl: 60));
        (await kv.GetTextAsync("short")).ShouldBe("v");

        clock.Advance(TimeSpan.FromSeconds(60));

        (await kv.GetTextAsync("short")).ShouldBeNull();
        (await kv.GetBulkAsync(["short"]))["short"].ShouldBeNull();
    }

    [Fact]
    public async Task Chunked_value_beside_cached_values_reads_exact()
    {
        var big = RandomNumberGenerator.GetBytes((1024 * 1024) + 77);

        using (var emulator = Open(KvEmulatorOptions.DefaultReadCacheBytes))
        {
            var kv = emulator.GetNamespace(emulator.CreateNamespace("cache").Id);
            await kv.PutTextAsync("small", "s");
            await kv.PutAsync("big", big);

            (await kv.GetBytesAsync("big")).ShouldBe(big);
            (await kv.GetTextAsync("small")).ShouldBe("s");
            (await kv.GetTextAsync("absent")).ShouldBeNull();

            await kv.PutTextAsync("big", "now small");
            (await kv.GetTextAsync("big")).ShouldBe("now small");
        }

        using var reopened = Open(KvEmulatorOptions.DefaultReadCacheBytes);
        var again = reopened.GetNamespace(reopened.ListNamespaces().Single().Id);
        (await again.GetTextAsync("big")).ShouldBe("now small");
        (await again.GetTextAsync("absent")).ShouldBeNull();
    }

    [Fact]
    public async Task Chunked_value_at_open_reads_exact()
    {
        var big = RandomNumberGenerator.GetBytes((2 * 1024 * 1024) + 3);

        using (var emulator = Open(KvEmulatorOptions.DefaultReadCacheBytes))
        {
            var kv = emulator.GetNamespace(emulator.CreateNamespace("cache").Id);
            await kv.PutAsync("big", big);
        }

        using var reopened = Open(KvEmulatorOptions.DefaultReadCacheBytes);
        var again = reopened.GetNamespace(reopened.ListNamespaces().Single().Id);
        (await again.GetBytesAsync("big")).ShouldBe(big);
    }

    [Fact]
    public async Task Deleted_namespace_leaves_no_cached_value()
    {
        using var emulator = Open(KvEmulatorOptions.DefaultReadCacheBytes);
        var info = emulator.CreateNamespace("cache");
        await emulator.GetNamespace(info.Id).PutTextAsync("k", "old");

        emulator.DeleteNamespace(info.Id);
        var recreated = emulator.GetOrCreateNamespace(info.Id, "again");

        (await emulator.GetNamespace(recreated.Id).GetTextAsync("k")).ShouldBeNull();
    }

    [Fact]
    public async Task Readers_racing_a_writer_never_go_back()
    {
        using var emulator = Open(KvEmulatorOptions.DefaultReadCacheBytes);
        var kv = emulator.GetNamespace(emulator.CreateNamespace("cache").Id);
        await kv.PutTextAsync("k", "v-0");

        var writer = Task.Run(async () =>
        {
            for (var i = 1; i <= 200; i++)
            {
                await kv.PutTextAsync("k", $"v-{i}");
            }
        });
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var seen = new List<int>();
            while (!writer.IsCompleted)
            {
                var text = await kv.GetTextAsync("k");
                seen.Add(int.Parse(text.ShouldNotBeNull()["v-".Length..], System.Globalization.CultureInfo.InvariantCulture));
            }

            return seen;
        })).ToList();

        await writer;
        var seenByReaders = await Task.WhenAll(readers);

        foreach (var seen in seenByReaders)
        {
            seen.ShouldAllBe(version => version >= 0 && version <= 200);
            seen.ShouldBe(seen.Order().ToList(), "one reader never sees an older value after a newer one");
        }

        (await kv.GetTextAsync("k")).ShouldBe("v-200");
    }

    [Fact]
    public void Negative_read_cache_size_is_rejected()
    {
        var error = Should.Throw<ArgumentOutOfRangeException>(() => Open(-1));

        error.Message.ShouldContain("ReadCacheBytes");
    }

    public void Dispose() => folder.Dispose();

    private KvEmulator Open(long cacheBytes) =>
        KvEmulator.Open(new KvEmulatorOptions(folder.File("kv.db"), clock, ReadCacheBytes: cacheBytes));
}
