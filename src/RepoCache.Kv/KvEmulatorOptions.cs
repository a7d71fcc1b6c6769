using Microsoft.Extensions.Logging;

namespace RepoCache.Kv;

/// <summary>
/// Settings of a <see cref="KvEmulator"/>: where data lives, the clock, and the realism switches (both off by default).
/// </summary>
/// <param name="DatabasePath">Path of the LiteDB data file, or <see cref="InMemory"/> for a store that lives only in this process.</param>
/// <param name="TimeProvider">Clock for expiration, stale reads and the write-rate check; null means the system clock.</param>
/// <param name="StaleReadSeconds">How many seconds a read may return an older result, including a cached "not found"; 0 turns stale reads off.</param>
/// <param name="RejectRapidWrites">Whether a second put to the same key within one second fails with 429, as production does.</param>
/// <param name="LoggerFactory">Source of loggers for store and namespace events; null means no logging.</param>
/// <param name="ReadCacheBytes">Memory the LiteDB store may use for decoded copies of values up to 64 KiB, so reads skip the file; 0 turns the cache off.</param>
public sealed record KvEmulatorOptions(
    string DatabasePath,
    TimeProvider? TimeProvider = null,
    int StaleReadSeconds = 0,
    bool RejectRapidWrites = false,
    ILoggerFactory? LoggerFactory = null,
    long ReadCacheBytes = KvEmulatorOptions.DefaultReadCacheBytes)
{
    /// <summary>The <see cref="DatabasePath"/> value that selects the in-memory store.</summary>
    public const string InMemory = ":memory:";

    /// <summary>The default <see cref="ReadCacheBytes"/>: 64 MiB, room for about 190,000 cache entries of the proxy.</summary>
    public const long DefaultReadCacheBytes = 64L * 1024 * 1024;
}
