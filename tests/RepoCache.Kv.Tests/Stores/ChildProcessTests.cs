using RepoCache.Kv.Semantics;
using RepoCache.Kv.Tests.Child;
using RepoCache.Kv.Tests.Support;

namespace RepoCache.Kv.Tests.Stores;

public sealed class ChildProcessTests : IDisposable
{
    private const string NamespaceId = "0123456789abcdef0123456789abcdef";

    private readonly TempFolder folder = new();

    private string DatabasePath => folder.File("kv.db");

    [Fact]
    public async Task Writes_survive_a_process_restart()
    {
        using (var child = ChildProcess.Start("write", DatabasePath, NamespaceId, "100", "50"))
        {
            var (exitCode, stderr) = await child.WaitForExitAsync();
            exitCode.ShouldBe(0, stderr);
        }

        using var emulator = KvEmulator.Open(new KvEmulatorOptions(DatabasePath));
        var kv = emulator.GetNamespace(NamespaceId);

        (await kv.ListAsync()).Keys.Count.ShouldBe(50);
        (await kv.GetBytesAsync(ChildValues.KeyFor(49))).ShouldBe(ChildValues.ValueFor(49, 100));
    }

    [Theory]
    [InlineData(200)]
    [InlineData(300 * 1024)]
    public async Task Acknowledged_writes_survive_kill_9(int valueBytes)
    {
        var acknowledged = new List<string>();
        using (var child = ChildProcess.Start("write", DatabasePath, NamespaceId, valueBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            (await child.ReadLineAsync()).ShouldBe("ready");
            while (acknowledged.Count < 40)
            {
                var line = await child.ReadLineAsync();
                line.ShouldNotBeNull("the child stopped before 40 acknowledged writes");
                acknowledged.Add(line["acked ".Length..]);
            }

            await child.KillAsync();
        }

        using var emulator = KvEmulator.Open(new KvEmulatorOptions(DatabasePath));
        var kv = emulator.GetNamespace(NamespaceId);
        for (var index = 0; index < acknowledged.Count; index++)
        {
            acknowledged[index].ShouldBe(ChildValues.KeyFor(index));
            (await kv.GetBytesAsync(acknowledged[index])).ShouldBe(ChildValues.ValueFor(index, valueBytes), $"acknowledged key {acknowledged[index]}");
        }
    }

    [Fact]
    public async Task Second_process_is_rejected_naming_holder()
    {
        using var holder = ChildProcess.Start("hold", DatabasePath);
        (await holder.ReadLineAsync()).ShouldBe($"holding {holder.Id}");

        using (var second = ChildProcess.Start("write", DatabasePath, NamespaceId, "10", "1"))
        {
            var (exitCode, stderr) = await second.WaitForExitAsync();

            exitCode.ShouldBe(3);
            stderr.ShouldContain($"KV data file '{DatabasePath}' is in use by process {holder.Id}. Stop that process or open another data file.");
        }

        var error = Should.Throw<KvException>(() => KvEmulator.Open(new KvEmulatorOptions(DatabasePath)));
        error.Message.ShouldContain($"process {holder.Id}");

        var (holderExit, holderStderr) = await holder.CloseInputAndWaitAsync();
        holderExit.ShouldBe(0, holderStderr);
        using var afterRelease = KvEmulator.Open(new KvEmulatorOptions(DatabasePath));
        afterRelease.ListNamespaces().ShouldBeEmpty();
    }

    [Fact]
    public async Task Killed_holder_leaves_no_stale_lock()
    {
        using (var holder = ChildProcess.Start("hold", DatabasePath))
        {
            (await holder.ReadLineAsync()).ShouldBe($"holding {holder.Id}");
            await holder.KillAsync();
        }

        using var emulator = KvEmulator.Open(new KvEmulatorOptions(DatabasePath));

        emulator.ListNamespaces().ShouldBeEmpty();
    }

    public void Dispose() => folder.Dispose();
}
