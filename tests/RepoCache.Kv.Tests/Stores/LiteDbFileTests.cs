using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using RepoCache.Kv.Semantics;
using RepoCache.Kv.Tests.Support;

namespace RepoCache.Kv.Tests.Stores;

public sealed class LiteDbFileTests() : EmulatorTestBase(StoreKind.LiteDb)
{
    [Fact]
    public async Task Entries_and_namespaces_survive_a_reopen()
    {
        var value = RandomNumberGenerator.GetBytes((2 * 1024 * 1024) + 11);
        await Kv.PutAsync("big", value, new KvPutOptions(ExpirationTtl: 3600, MetadataJson: "{\"a\":[1,2]}"));
        await Kv.PutTextAsync("empty", "", new KvPutOptions(MetadataJson: "0"));
        Emulator.RenameNamespace(Namespace.Id, "renamed");

        Reopen();

        var big = await Kv.GetWithMetadataAsync("big");
        big.ShouldNotBeNull();
        big.Value.ToArray().ShouldBe(value);
        big.Expiration.ShouldBe(NowSeconds + 3600);
        big.MetadataJson.ShouldBe("{\"a\":[1,2]}");
        (await Kv.GetWithMetadataAsync("empty"))!.MetadataJson.ShouldBe("0");
        Emulator.FindNamespace(Namespace.Id)!.Title.ShouldBe("renamed");
    }

    [Fact]
    public async Task Look_alike_keys_stay_apart_after_reopen()
    {
        string[] keys = ["Foo", "foo", "FOO", "\u00E9", "e\u0301", "a/b", "a%2Fb", "\U0001D655", "\uFF3A"];
        foreach (var key in keys)
        {
            await Kv.PutTextAsync(key, key);
        }

        Reopen();

        foreach (var key in keys)
        {
            (await Kv.GetTextAsync(key)).ShouldBe(key);
        }

        (await Kv.ListAsync()).Keys.Select(key => key.Name).ShouldBe(
            ["FOO", "Foo", "a%2Fb", "a/b", "e\u0301", "foo", "\u00E9", "\uFF3A", "\U0001D655"]);
    }

    [Fact]
    public async Task Key_of_512_multibyte_bytes_survives_reopen()
    {
        var key = string.Concat(Enumerable.Repeat("\U0001F600", 128));

        await Kv.PutTextAsync(key, "v");
        Reopen();

        (await Kv.GetTextAsync(key)).ShouldBe("v");
        (await Kv.ListAsync()).Keys.Single().Name.ShouldBe(key);
    }

    [Fact]
    public async Task Deleted_keys_stay_deleted_after_a_reopen()
    {
        await Kv.PutAsync("big", new byte[3 * 1024 * 1024]);
        await Kv.PutTextAsync("small", "v");
        await Kv.DeleteAsync("big");
        await Kv.DeleteAsync("small");

        Reopen();

        (await Kv.GetBytesAsync("big")).ShouldBeNull();
        (await Kv.ListAsync()).Keys.ShouldBeEmpty();
    }

    [Fact]
    public async Task Deleted_namespace_stays_deleted_after_a_reopen()
    {
        var other = Emulator.CreateNamespace("other");
        await Emulator.GetNamespace(other.Id).PutTextAsync("k", "v");

        Emulator.DeleteNamespace(other.Id);
        Reopen();

        Emulator.FindNamespace(other.Id).ShouldBeNull();
        Emulator.ListNamespaces().Count.ShouldBe(1);
    }

    [Fact]
    public void Second_open_in_one_process_is_rejected()
    {
        var error = Should.Throw<KvException>(() => KvEmulator.Open(new KvEmulatorOptions(DatabasePath)));

        error.StatusCode.ShouldBe(503);
        error.ErrorCode.ShouldBe(KvErrorCodes.StoreUnavailable);
        error.Message.ShouldBe(
            $"KV data file '{DatabasePath}' is in use by process {Environment.ProcessId}. Stop that process or open another data file.");
    }

    [Fact]
    public void Data_file_can_be_opened_again_once_closed()
    {
        Emulator.Dispose();

        using var reopened = KvEmulator.Open(new KvEmulatorOptions(DatabasePath));

        reopened.ListNamespaces().Count.ShouldBe(1);
    }

    [Fact]
    public void Missing_folders_of_the_data_file_are_created()
    {
        var path = Folder.File(Path.Combine("nested", "deeper", "kv.db"));

        using var emulator = KvEmulator.Open(new KvEmulatorOptions(path));

        File.Exists(path).ShouldBeTrue();
    }

    [Fact]
    public void Foreign_file_is_rejected_naming_it()
    {
        var path = Folder.File("garbage.db");
        File.WriteAllBytes(path, RandomNumberGenerator.GetBytes(64 * 1024));

        var error = Should.Throw<KvException>(() => KvEmulator.Open(new KvEmulatorOptions(path)));

        error.StatusCode.ShouldBe(503);
        error.Message.ShouldStartWith($"KV data file '{path}' could not be opened:");
    }

    [Fact]
    public void Directory_as_data_file_is_rejected_naming_it()
    {
        var path = Folder.File("a-directory");
        Directory.CreateDirectory(path);

        var error = Should.Throw<KvException>(() => KvEmulator.Open(new KvEmulatorOptions(path)));

        error.StatusCode.ShouldBe(503);
        error.Message.ShouldStartWith($"KV data file '{path}' could not be opened:");
        error.InnerException.ShouldNotBeNull();
    }

    [Fact]
    public void Data_file_under_a_regular_file_is_rejected_naming_it()
    {
        var blocker = Folder.File("not-a-folder");
        File.WriteAllText(blocker, "x");
        var path = Path.Combine(blocker, "kv.db");

        var error = Should.Throw<KvException>(() => KvEmulator.Open(new KvEmulatorOptions(path)));

        error.StatusCode.ShouldBe(503);
        error.Message.ShouldStartWith($"KV data file '{path}' could not be opened:");
        error.Message.ShouldNotContain("in use");
    }

    [Fact]
    public void Rejected_open_releases_the_lock()
    {
        var path = Folder.File("garbage.db");
        File.WriteAllBytes(path, RandomNumberGenerator.GetBytes(64 * 1024));
        Should.Throw<KvException>(() => KvEmulator.Open(new KvEmulatorOptions(path)));
        File.Delete(path);

        using var emulator = KvEmulator.Open(new KvEmulatorOptions(path));

        emulator.ListNamespaces().ShouldBeEmpty();
    }

    [Fact]
    public async Task Expired_entries_are_not_listed_after_a_reopen()
    {
        await Kv.PutTextAsync("short", "v", new KvPutOptions(ExpirationTtl: 60));
        await Kv.PutTextAsync("long", "v");

        Clock.Advance(TimeSpan.FromMinutes(2));
        Reopen();

        (await Kv.ListAsync()).Keys.Select(key => key.Name).ShouldBe(["long"]);
        (await Kv.GetTextAsync("short")).ShouldBeNull();
    }

    [Fact]
    public async Task Open_removes_expired_entries_from_file()
    {
        await Kv.PutAsync("short", new byte[2 * 1024 * 1024], new KvPutOptions(ExpirationTtl: 60));
        Clock.Advance(TimeSpan.FromMinutes(2));
        Reopen();
        Emulator.Dispose();

        // A clock back at the start would still see the entry, unless the open above deleted it from the file.
        using var earlier = KvEmulator.Open(new KvEmulatorOptions(DatabasePath, new FakeTimeProvider(Start)));

        (await earlier.GetNamespace(Namespace.Id).GetBytesAsync("short")).ShouldBeNull();
    }

    [Fact]
    public async Task Namespace_delete_racing_puts_leaves_no_orphans()
    {
        var other = Emulator.CreateNamespace("other");
        var binding = Emulator.GetNamespace(other.Id);

        var puts = Enumerable.Range(0, 100).Select(index => Task.Run(async () =>
        {
            try
            {
                await binding.PutTextAsync($"k{index}", "v");
            }
            catch (KvException error) when (error.StatusCode == 404)
            {
                // Puts that start after the delete find no namespace, which is expected.
            }
        })).ToList();
        Emulator.DeleteNamespace(other.Id);
        await Task.WhenAll(puts);

        Emulator.GetOrCreateNamespace(other.Id);
        Reopen();

        (await Emulator.GetNamespace(other.Id).ListAsync()).Keys.ShouldBeEmpty();
    }

    [Fact]
    public async Task Concurrent_puts_of_different_keys_are_all_stored()
    {
        await Task.WhenAll(Enumerable.Range(0, 200).Select(index => Task.Run(() => Kv.PutTextAsync($"k{index:D3}", $"{index}"))));

        Reopen();

        (await Kv.ListAsync()).Keys.Count.ShouldBe(200);
        (await Kv.GetTextAsync("k123")).ShouldBe("123");
    }
}
