using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using RepoCache.Kv.Stores;
using RepoCache.Kv.Stores.LiteDb;
using RepoCache.Kv.Tests.Child;
using RepoCache.Kv.Tests.Support;

namespace RepoCache.Kv.Tests.Stores;

public sealed class JournalTests : IDisposable
{
    private const string Ns = "0123456789abcdef0123456789abcdef";

    private readonly TempFolder folder = new();

    private string DatabasePath => folder.File("kv.db");

    private string JournalPath => DatabasePath + WriteJournal.FileSuffix;

    [Theory]
    [InlineData(300)]
    [InlineData(LiteDbKvStore.JournalApplyThreshold + 500)]
    public async Task Acknowledged_puts_survive_kill_9_byte_exact(int acknowledgedCount)
    {
        var acknowledged = new List<string>();
        using (var child = ChildProcess.Start("write", DatabasePath, Ns, "200"))
        {
            (await child.ReadLineAsync()).ShouldBe("ready");
            while (acknowledged.Count < acknowledgedCount)
            {
                var line = await child.ReadLineAsync();
                line.ShouldNotBeNull($"the child stopped before {acknowledgedCount} acknowledged writes");
                acknowledged.Add(line["acked ".Length..]);
            }

            await child.KillAsync();
        }

        if (acknowledgedCount < LiteDbKvStore.JournalApplyThreshold)
        {
            new FileInfo(JournalPath).Length.ShouldBeGreaterThan(0, "the killed child should have left its puts in the journal");
        }

        using (var emulator = KvEmulator.Open(new KvEmulatorOptions(DatabasePath)))
        {
            var kv = emulator.GetNamespace(Ns);
            for (var index = 0; index < acknowledged.Count; index++)
            {
                acknowledged[index].ShouldBe(ChildValues.KeyFor(index));
                (await kv.GetBytesAsync(acknowledged[index])).ShouldBe(ChildValues.ValueFor(index, 200), $"acknowledged key {acknowledged[index]}");
            }

            new FileInfo(JournalPath).Length.ShouldBe(0, "opening the store should commit the journal and empty it");
        }
    }

    [Fact]
    public async Task Torn_last_record_is_dropped()
    {
        await RunAndKillAsync("put:a=first", "put:b=second");
        var journal = await File.ReadAllBytesAsync(JournalPath);

        // The first half of a copy of the whole journal: a record whose length runs past the end of the file.
        await using (var append = new FileStream(JournalPath, FileMode.Append))
        {
            await append.WriteAsync(journal.AsMemory(0, journal.Length / 2));
        }

        await using (var store = new StoreHandle(DatabasePath))
        {
            store.Text("a").ShouldBe("first");
            store.Text("b").ShouldBe("second");
            store.Keys().ShouldBe(["a", "b"]);
        }

        new FileInfo(JournalPath).Length.ShouldBe(0);
    }

    [Fact]
    public async Task Checksum_mismatch_ends_the_replay()
    {
        await RunAndKillAsync("put:a=first", "put:b=second");
        var journal = await File.ReadAllBytesAsync(JournalPath);

        // The last byte belongs to record b's payload, so b no longer matches its checksum.
        journal[^1] ^= 0xFF;
        await File.WriteAllBytesAsync(JournalPath, journal);

        await using var store = new StoreHandle(DatabasePath);
        store.Text("a").ShouldBe("first");
        store.Text("b").ShouldBeNull();
    }

    [Fact]
    public async Task Replaying_twice_gives_same_entries()
    {
        await RunAndKillAsync("put:a=1", "put:b=2", "delete:a", "put:c=3", "put:b=two");
        var journal = await File.ReadAllBytesAsync(JournalPath);
        journal.Length.ShouldBeGreaterThan(0);

        await using (var first = new StoreHandle(DatabasePath))
        {
            first.Keys().ShouldBe(["b", "c"]);
        }

        // As if the process had died after committing the replay but before emptying the journal.
        await File.WriteAllBytesAsync(JournalPath, journal);

        await using var second = new StoreHandle(DatabasePath);
        second.Keys().ShouldBe(["b", "c"]);
        second.Text("a").ShouldBeNull();
        second.Text("b").ShouldBe("two");
        second.Text("c").ShouldBe("3");
    }

    [Fact]
    public async Task Delete_after_put_survives_replay()
    {
        await using (var store = new StoreHandle(DatabasePath))
        {
            store.Put("in-file", "committed");
            store.Store.ApplyJournal();
        }

        await RunAndKillAsync("put:fresh=journalled", "delete:fresh", "delete:in-file", "put:kept=yes");

        await using var reopened = new StoreHandle(DatabasePath);
        reopened.Text("fresh").ShouldBeNull();
        reopened.Text("in-file").ShouldBeNull();
        reopened.Text("kept").ShouldBe("yes");
        reopened.Keys().ShouldBe(["kept"]);
    }

    [Fact]
    public async Task Namespace_delete_survives_replay()
    {
        await RunAndKillAsync("put:old=before", "drop-namespace", "create-namespace", "put:new=after");

        using var emulator = KvEmulator.Open(new KvEmulatorOptions(DatabasePath));
        var kv = emulator.GetNamespace(Ns);
        (await kv.GetTextAsync("old")).ShouldBeNull();
        (await kv.GetTextAsync("new")).ShouldBe("after");
        (await kv.ListAsync()).Keys.Select(key => key.Name).ShouldBe(["new"]);
    }

    [Fact]
    public async Task Deleted_namespace_stays_deleted_after_kill()
    {
        await RunAndKillAsync("put:old=before", "drop-namespace");

        using var emulator = KvEmulator.Open(new KvEmulatorOptions(DatabasePath));
        emulator.FindNamespace(Ns).ShouldBeNull();
    }

    [Fact]
    public async Task Unapplied_changes_are_read_without_cache()
    {
        await using var store = new StoreHandle(DatabasePath, cacheBytes: 0);
        store.Put("k", "old");
        store.Store.ApplyJournal();

        store.Put("k", "new");
        store.Store.JournalledCount.ShouldBe(1);
        store.Text("k").ShouldBe("new");

        store.Store.Delete(Ns, Key("k"));
        store.Text("k").ShouldBeNull();
        store.Keys().ShouldBeEmpty();

        store.Store.ApplyJournal();
        store.Store.JournalledCount.ShouldBe(0);
        new FileInfo(JournalPath).Length.ShouldBe(0);
        store.Text("k").ShouldBeNull();
    }

    [Fact]
    public async Task Chunked_put_replaces_journalled_put()
    {
        var large = new byte[300 * 1024];
        Random.Shared.NextBytes(large);

        await using (var store = new StoreHandle(DatabasePath))
        {
            store.Put("k", "small");
            store.Store.Put(Ns, new StoredEntry(Key("k"), large, null, null));
            store.Store.JournalledCount.ShouldBe(0);
            store.Put("after", "small again");
        }

        await using var reopened = new StoreHandle(DatabasePath);
        reopened.Store.Get(Ns, Key("k"))!.Value.ShouldBe(large);
        reopened.Text("after").ShouldBe("small again");
    }

    [Fact]
    public async Task Threshold_applies_journal_to_data_file()
    {
        await using (var store = new StoreHandle(DatabasePath))
        {
            for (var index = 0; index < LiteDbKvStore.JournalApplyThreshold; index++)
            {
                store.Put(index.ToString("D5", CultureInfo.InvariantCulture), $"value {index}");
            }

            SpinWait.SpinUntil(() => store.Store.JournalApplyCount >= 1, TimeSpan.FromSeconds(60)).ShouldBeTrue();
            store.Store.JournalledCount.ShouldBe(0);
            new FileInfo(JournalPath).Length.ShouldBe(0);
            store.Text("04000").ShouldBe("value 4000");
        }

        await using var reopened = new StoreHandle(DatabasePath);
        reopened.Keys().Count.ShouldBe(LiteDbKvStore.JournalApplyThreshold);
    }

    public void Dispose() => folder.Dispose();

    private static byte[] Key(string key) => Encoding.UTF8.GetBytes(key);

    // Runs the steps in a child process that keeps the store open, then kills it with SIGKILL.
    private async Task RunAndKillAsync(params string[] steps)
    {
        using var child = ChildProcess.Start(["script", DatabasePath, Ns, .. steps]);
        (await child.ReadLineAsync()).ShouldBe("ready");
        foreach (var step in steps)
        {
            (await child.ReadLineAsync()).ShouldBe($"acked {step}");
        }

        (await child.ReadLineAsync()).ShouldBe("done");
        await child.KillAsync();
    }

    // A store opened directly, for reads of the namespace this class writes.
    private sealed class StoreHandle(string path, long cacheBytes = KvEmulatorOptions.DefaultReadCacheBytes) : IAsyncDisposable
    {
        public LiteDbKvStore Store { get; } = LiteDbKvStore.Open(path, NullLogger.Instance, cacheBytes);

        public void Put(string key, string value) => Store.Put(Ns, new StoredEntry(Key(key), Encoding.UTF8.GetBytes(value), null, null));

        public string? Text(string key) => Store.Get(Ns, Key(key)) is { } entry ? Encoding.UTF8.GetString(entry.Value) : null;

        public List<string> Keys() => [.. Store.List(Ns, [], null, 100_000, 0).Select(key => Encoding.UTF8.GetString(key.Key))];

        public ValueTask DisposeAsync()
        {
            Store.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
