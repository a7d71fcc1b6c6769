using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RepoCache.Kv.Semantics;
using RepoCache.Kv.Stores;
using RepoCache.Kv.Stores.LiteDb;
using RepoCache.Kv.Stores.Memory;

namespace RepoCache.Kv;

/// <summary>
/// A local Workers KV account: namespaces with production's key, value, metadata, expiration and list semantics,
/// kept in a LiteDB file or in memory. Thread-safe.
/// </summary>
public sealed partial class KvEmulator : IDisposable
{
    private readonly IKvStore store;
    private readonly KvRealism realism;
    private readonly ILogger logger;
    private readonly Lock namespacesGate = new();
    private readonly ReaderWriterLockSlim namespaceUse = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<string, NamespaceState> namespaces = new(StringComparer.Ordinal);
    private bool disposed;

    private KvEmulator(IKvStore store, KvEmulatorOptions options)
    {
        this.store = store;
        Options = options;
        TimeProvider = options.TimeProvider ?? TimeProvider.System;
        logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger<KvEmulator>();
        realism = new KvRealism(TimeProvider, options.StaleReadSeconds, options.RejectRapidWrites);
    }

    /// <summary>The options this emulator was opened with.</summary>
    public KvEmulatorOptions Options { get; }

    /// <summary>The clock used for expiration, stale reads and the write-rate check.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Opens the store named by <see cref="KvEmulatorOptions.DatabasePath"/>, creating the file when missing.</summary>
    /// <exception cref="KvException">The data file is in use by another process or cannot be opened.</exception>
    public static KvEmulator Open(KvEmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ValidateOptions(options);

        var loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        IKvStore store = options.DatabasePath == KvEmulatorOptions.InMemory
            ? new InMemoryKvStore()
            : LiteDbKvStore.Open(options.DatabasePath, loggerFactory.CreateLogger<LiteDbKvStore>(), options.ReadCacheBytes);

        try
        {
            var emulator = new KvEmulator(store, options);
            emulator.LoadNamespaces();
            emulator.PurgeExpiredEntries();
            return emulator;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>Closes the store and releases the data file.</summary>
    public void Dispose()
    {
        namespaceUse.EnterWriteLock();
        try
        {
            lock (namespacesGate)
            {
                if (disposed)
                {
                    return;
                }

                disposed = true;
            }

            store.Dispose();
        }
        finally
        {
            namespaceUse.ExitWriteLock();
        }
    }

    // NOTE: expired entries are removed only here, at open. Until then they stay in the file, hidden from reads and lists.
    private void PurgeExpiredEntries()
    {
        var removed = store.PurgeExpired(TimeProvider.GetUtcNow().ToUnixTimeSeconds());
        if (removed > 0)
        {
            LogExpiredPurged(logger, removed, store.Location);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} expired entries from {Location}")]
    private static partial void LogExpiredPurged(ILogger logger, int count, string location);

    private static void ValidateOptions(KvEmulatorOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.DatabasePath))
        {
            throw new ArgumentException(
                $"DatabasePath must be a file path or '{KvEmulatorOptions.InMemory}', but it is empty.",
                nameof(options));
        }

        if (options.StaleReadSeconds < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options),
                options.StaleReadSeconds,
                "StaleReadSeconds must be 0 (off) or a positive number of seconds.");
        }

        if (options.ReadCacheBytes < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options),
                options.ReadCacheBytes,
                "ReadCacheBytes must be 0 (no read cache) or a positive number of bytes.");
        }
    }
}
