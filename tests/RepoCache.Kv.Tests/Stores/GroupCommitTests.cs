using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using RepoCache.Kv.Semantics;
using RepoCache.Kv.Stores;
using RepoCache.Kv.Stores.LiteDb;
using RepoCache.Kv.Tests.Support;

namespace RepoCache.Kv.Tests.Stores;

public sealed class GroupCommitTests : IDisposable
{
    private const string Ns = "0123456789abcdef0123456789abcdef";

    private readonly TempFolder folder = new();

    [Fact]
    public async Task Queued_puts_share_one_durable_commit()
    {
        var path = folder.File("kv.db");
        var store = LiteDbKvStore.Open(path, NullLogger.Instance, KvEmulatorOptions.DefaultReadCacheBytes);
        List<Task> puts;

        lock (store.WriterLock)
        {
            puts = [.. Enumerable.Range(0, 8).Select(i => Task.Run(() => store.Put(Ns, Entry($"key-{i}", $"value-{i}"))))];
            puts.Add(Task.Run(() => store.Put(Ns, Entry("key-0", "replaced"))));
            WaitForQueue(store, 9);
        }

        await Task.WhenAll(puts);

        store.PutCommitCount.ShouldBe(1);
        store.Dispose();

        using var reopened = LiteDbKvStore.Open(path, NullLogger.Instance, 0);
        Text(reopened.Get(Ns, Key("key-0"))).ShouldBeOneOf("value-0", "replaced");
        for (var i = 1; i < 8; i++)
        {
            Text(reopened.Get(Ns, Key($"key-{i}"))).ShouldBe($"value-{i}");
        }

        reopened.List(Ns, [], null, 100, 0).Count.ShouldBe(8);
    }

    [Fact]
    public async Task Closing_the_store_fails_queued_puts()
    {
        var store = LiteDbKvStore.Open(folder.File("kv.db"), NullLogger.Instance, KvEmulatorOptions.DefaultReadCacheBytes);
        List<Task> puts;

        lock (store.WriterLock)
        {
            puts = [.. Enumerable.Range(0, 3).Select(i => Task.Run(() => store.Put(Ns, Entry($"key-{i}", "v"))))];
            WaitForQueue(store, 3);

            // Closing the store under the lock fails the queued puts before any transaction writes them.
            store.Dispose();
        }

        foreach (var put in puts)
        {
            var error = await Should.ThrowAsync<KvException>(put);
            error.StatusCode.ShouldBe(503);
            error.ErrorCode.ShouldBe(KvErrorCodes.StoreUnavailable);
            error.Message.ShouldContain("kv.db");
        }

        puts.Select(put => put.Exception!.InnerException).Distinct().Count().ShouldBe(3);
    }

    [Fact]
    public async Task Queued_puts_are_acknowledged_only_after_their_commit()
    {
        var path = folder.File("kv.db");
        var store = LiteDbKvStore.Open(path, NullLogger.Instance, KvEmulatorOptions.DefaultReadCacheBytes);
        Task committer;
        List<Task> queued;

        lock (store.WriterLock)
        {
            // The first put commits on its own thread and waits for the lock; the others only queue.
            committer = Task.Run(() => store.PutAsync(Ns, Entry("first", "v")));
            WaitForQueue(store, 1);
            queued = [.. Enumerable.Range(0, 15).Select(i => store.PutAsync(Ns, Entry($"queued-{i}", $"v{i}")))];

            queued.ShouldAllBe(put => !put.IsCompleted);
            store.Get(Ns, Key("queued-0")).ShouldBeNull();
        }

        await committer;
        await Task.WhenAll(queued);

        store.PutCommitCount.ShouldBe(1);
        Text(store.Get(Ns, Key("queued-14"))).ShouldBe("v14");
        store.Dispose();

        using var reopened = LiteDbKvStore.Open(path, NullLogger.Instance, 0);
        reopened.List(Ns, [], null, 100, 0).Count.ShouldBe(16);
    }

    [Fact]
    public async Task Namespace_delete_commits_queued_puts_first()
    {
        var path = folder.File("kv.db");
        var store = LiteDbKvStore.Open(path, NullLogger.Instance, KvEmulatorOptions.DefaultReadCacheBytes);
        Task put;
        Task delete;

        lock (store.WriterLock)
        {
            put = Task.Run(() => store.PutAsync(Ns, Entry("k", "v")));
            WaitForQueue(store, 1);
            delete = Task.Run(() => store.DeleteNamespace(Ns));
        }

        await put;
        await delete;

        store.Get(Ns, Key("k")).ShouldBeNull();
        store.List(Ns, [], null, 10, 0).ShouldBeEmpty();
        store.Dispose();

        using var reopened = LiteDbKvStore.Open(path, NullLogger.Instance, 0);
        reopened.Get(Ns, Key("k")).ShouldBeNull();
    }

    [Fact]
    public async Task Concurrent_binding_puts_survive_reopen()
    {
        var path = folder.File("binding.db");
        string namespaceId;

        using (var emulator = KvEmulator.Open(new KvEmulatorOptions(path)))
        {
            namespaceId = emulator.CreateNamespace("group").Id;
            var kv = emulator.GetNamespace(namespaceId);

            await Task.WhenAll(Enumerable.Range(0, 16).Select(caller => Task.Run(async () =>
            {
                for (var i = 0; i < 25; i++)
                {
                    await kv.PutTextAsync($"caller-{caller}/key-{i}", $"{caller}:{i}");
                }
            })));
        }

        using var reopened = KvEmulator.Open(new KvEmulatorOptions(path));
        var again = reopened.GetNamespace(namespaceId);
        for (var caller = 0; caller < 16; caller++)
        {
            for (var i = 0; i < 25; i++)
            {
                (await again.GetTextAsync($"caller-{caller}/key-{i}")).ShouldBe($"{caller}:{i}");
            }
        }
    }

    public void Dispose() => folder.Dispose();

    private static void WaitForQueue(LiteDbKvStore store, int count)
    {
        // The puts run on pool threads and queue before they block on the writer lock this thread holds.
        SpinWait.SpinUntil(() => store.PendingPutCount == count, TimeSpan.FromSeconds(30)).ShouldBeTrue();
    }

    private static byte[] Key(string key) => Encoding.UTF8.GetBytes(key);

    private static StoredEntry Entry(string key, string value) => new(Key(key), Encoding.UTF8.GetBytes(value), null, null);

    private static string? Text(StoredEntry? entry) => entry is null ? null : Encoding.UTF8.GetString(entry.Value);
}
