using Microsoft.Extensions.Time.Testing;
using RepoCache.Kv.Semantics;

namespace RepoCache.Kv.Tests.Support;

/// <summary>
/// An emulator on a fake clock with one namespace, backed by the store the derived class names.
/// LiteDB-backed tests get a real data file in a fresh temp folder.
/// </summary>
public abstract class EmulatorTestBase : IDisposable
{
    /// <summary>The fake clock's start: 2026-01-01T00:00:00Z.</summary>
    protected static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly TempFolder folder = new();

    protected EmulatorTestBase(StoreKind store, int staleReadSeconds = 0, bool rejectRapidWrites = false)
    {
        Store = store;
        Clock = new FakeTimeProvider(Start);
        DatabasePath = store == StoreKind.InMemory ? KvEmulatorOptions.InMemory : folder.File("kv.db");
        Emulator = KvEmulator.Open(new KvEmulatorOptions(DatabasePath, Clock, staleReadSeconds, rejectRapidWrites));
        Namespace = Emulator.CreateNamespace("tests");
        Kv = Emulator.GetNamespace(Namespace.Id);
    }

    protected StoreKind Store { get; }

    protected FakeTimeProvider Clock { get; }

    protected string DatabasePath { get; }

    protected KvEmulator Emulator { get; private set; }

    protected KvNamespaceInfo Namespace { get; }

    protected IKvNamespace Kv { get; private set; }

    protected TempFolder Folder => folder;

    /// <summary>The fake clock's current time in epoch seconds.</summary>
    protected long NowSeconds => Clock.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>Closes the emulator and opens the same data file again (LiteDB only).</summary>
    protected void Reopen()
    {
        Emulator.Dispose();
        Emulator = KvEmulator.Open(new KvEmulatorOptions(DatabasePath, Clock));
        Kv = Emulator.GetNamespace(Namespace.Id);
    }

    /// <summary>Runs <paramref name="action"/> and returns the <see cref="KvException"/> it must throw.</summary>
    protected static async Task<KvException> ShouldFail(Func<Task> action) => await Should.ThrowAsync<KvException>(action);

    public void Dispose()
    {
        Emulator.Dispose();
        folder.Dispose();
        GC.SuppressFinalize(this);
    }
}
