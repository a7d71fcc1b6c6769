using System.Globalization;
using LiteDB;
using Microsoft.Extensions.Logging;
using RepoCache.Kv.Semantics;
using RepoCache.Kv.Stores.Caching;

namespace RepoCache.Kv.Stores.LiteDb;

/// <summary>
/// A store in one LiteDB file, opened by one process at a time. Key order and listing come from an in-memory index
/// built at open, never from LiteDB's string index or collation.
/// </summary>
/// <remarks>
/// Durability: puts of inline values and deletes are acknowledged once appended to the journal (<c>kv.db.journal</c>),
/// which the store moves into LiteDB in large transactions and replays at open. Chunked puts and namespace deletes
/// commit to LiteDB directly. With <c>Connection=direct</c>, LiteDB 5.0.21 writes a committed transaction's pages into
/// its log file (<c>kv-log.db</c> for <c>kv.db</c>) and hands them to the operating system before <c>Commit</c>
/// returns. So a killed process loses nothing acknowledged, which the kill -9 tests check.
/// NOTE: LiteDB does not fsync on commit (strace shows none until close), so a power cut can lose the last writes.
/// </remarks>
internal sealed partial class LiteDbKvStore : IKvStore
{
    private const string NamespacesCollection = "namespaces";
    private const string TitleField = "title";
    private const string CreatedField = "created";

    private readonly Lock gate = new();
    private readonly LiteDatabase database;
    private readonly DataFileLock fileLock;
    private readonly ILogger logger;
    private readonly Dictionary<string, KeyIndex<StoredKey>> keyIndexes = new(StringComparer.Ordinal);
    private readonly EntryCache cache;

    private LiteDbKvStore(string path, LiteDatabase database, DataFileLock fileLock, ILogger logger, long cacheBytes)
    {
        Location = path;
        this.database = database;
        this.fileLock = fileLock;
        this.logger = logger;
        cache = new EntryCache(cacheBytes, EntryDocuments.MaxInlineValueBytes);
    }

    public string Location { get; }

    /// <summary>The cache of small decoded entries in front of the data file.</summary>
    internal EntryCache Cache => cache;

    /// <summary>
    /// Opens or creates the data file at <paramref name="path"/>, rejecting it when another process has it locked, with
    /// a read cache of at most <paramref name="cacheBytes"/> (0 turns it off).
    /// </summary>
    public static LiteDbKvStore Open(string path, ILogger logger, long cacheBytes)
    {
        var fullPath = Path.GetFullPath(path);
        var fileLock = PrepareAndLock(fullPath);
        try
        {
            var database = OpenDatabase(fullPath);
            var store = new LiteDbKvStore(fullPath, database, fileLock, logger, cacheBytes);
            try
            {
                store.journal = OpenJournal(fullPath);
                store.ReplayJournal();
                store.LoadKeyIndexes();
            }
            catch
            {
                store.journal?.Dispose();
                database.Dispose();
                throw;
            }

            LogOpened(logger, fullPath, store.keyIndexes.Values.Sum(index => index.Count), store.cache.Count);
            return store;
        }
        catch
        {
            fileLock.Dispose();
            throw;
        }
    }

    public IReadOnlyList<StoredNamespace> LoadNamespaces()
    {
        lock (gate)
        {
            return Guard("read namespaces", () => database.GetCollection(NamespacesCollection)
                .FindAll()
                .Select(document => new StoredNamespace(
                    document["_id"].AsString,
                    document[TitleField].AsString,
                    document[CreatedField].AsInt64))
                .ToList());
        }
    }

    public void SaveNamespace(StoredNamespace storedNamespace)
    {
        var document = new BsonDocument
        {
            ["_id"] = storedNamespace.Id,
            [TitleField] = storedNamespace.Title,
            [CreatedField] = new BsonValue(storedNamespace.CreatedAtUnixMilliseconds),
        };

        lock (gate)
        {
            InTransaction("save namespace", () => database.GetCollection(NamespacesCollection).Upsert(document));
        }
    }

    public void DeleteNamespace(string namespaceId)
    {
        lock (gate)
        {
            // Puts queued before the delete began belong before it, so they are committed first and deleted with the rest.
            CommitPendingPuts();
            ApplyJournalLocked();

            var keys = keyIndexes.TryGetValue(namespaceId, out var index) ? index.All.ToList() : [];

            InTransaction("delete namespace", () =>
            {
                foreach (var key in keys)
                {
                    DeleteEntryDocuments(EntryDocuments.EntryId(namespaceId, key.Key));
                }

                database.GetCollection(NamespacesCollection).Delete(namespaceId);
            });

            keyIndexes.Remove(namespaceId);
            cache.RemoveNamespace(namespaceId);
            LogNamespaceDeleted(logger, namespaceId, keys.Count);
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            try
            {
                FailPendingPuts();
                CloseJournal();
                database.Dispose();
                LogClosed(logger, Location);
            }
            finally
            {
                fileLock.Dispose();
            }
        }
    }

    private static DataFileLock PrepareAndLock(string fullPath)
    {
        try
        {
            var directory = Path.GetDirectoryName(fullPath);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            return DataFileLock.Acquire(fullPath);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new KvException(
                503,
                KvErrorCodes.StoreUnavailable,
                $"KV data file '{fullPath}' could not be opened: {error.Message} Check that its folder exists or can be created and is writable, or open another data file.",
                error);
        }
    }

    private static WriteJournal OpenJournal(string fullPath)
    {
        try
        {
            return WriteJournal.Open(fullPath);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new KvException(
                503,
                KvErrorCodes.StoreUnavailable,
                $"KV journal '{fullPath}{WriteJournal.FileSuffix}' could not be opened: {error.Message} Check that the data file's folder is writable, or open another data file.",
                error);
        }
    }

    // Called under the writer lock. A journal that cannot be applied stays on disk and is replayed at the next open.
    private void CloseJournal()
    {
        if (journal is null)
        {
            return;
        }

        try
        {
            ApplyJournalLocked();
        }
        catch (KvException error)
        {
            LogStoreFailed(logger, error, "apply the journal before closing", Location);
        }
        finally
        {
            journal.Dispose();
            journal = null;
        }
    }

    private static LiteDatabase OpenDatabase(string fullPath)
    {
        var connection = new ConnectionString
        {
            Filename = fullPath,
            Connection = ConnectionType.Direct,

            // Document ids are binary, so collation only orders the namespace ids, which are ASCII hex.
            // Ordinal keeps even that exact instead of LiteDB's culture-aware, case-insensitive default.
            Collation = new Collation(CultureInfo.InvariantCulture.LCID, CompareOptions.Ordinal),
        };

        try
        {
            return new LiteDatabase(connection);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // LiteDB reports a damaged or foreign file with whatever exception its parser hits first,
            // such as ArgumentOutOfRangeException for an impossible header date, so every kind is caught here.
            throw new KvException(
                503,
                KvErrorCodes.StoreUnavailable,
                $"KV data file '{fullPath}' could not be opened: {error.Message} Check that it is a LiteDB file this process may write, or open another data file.",
                error);
        }
    }

    private void LoadKeyIndexes()
    {
        foreach (var document in database.GetCollection(EntryDocuments.EntriesCollection).FindAll())
        {
            var namespaceId = EntryDocuments.NamespaceOf(document);
            IndexFor(namespaceId).Set(EntryDocuments.ToStoredKey(document));
            WarmCache(namespaceId, document);
        }
    }

    // Open reads every entry document anyway, so inline values go straight into the cache.
    private void WarmCache(string namespaceId, BsonDocument document)
    {
        if (cache.CapacityBytes == 0)
        {
            return;
        }

        if (EntryDocuments.ChunkCountOf(document) > 0)
        {
            cache.MarkIncomplete();
            return;
        }

        cache.Set(namespaceId, EntryDocuments.ToStoredEntry(document, _ => throw new InvalidDataException("An inline entry has no chunks.")));
    }

    private KeyIndex<StoredKey> IndexFor(string namespaceId)
    {
        if (!keyIndexes.TryGetValue(namespaceId, out var index))
        {
            index = new KeyIndex<StoredKey>(key => key.Key, key => new StoredKey(key, null, null));
            keyIndexes[namespaceId] = index;
        }

        return index;
    }

    private void InTransaction(string operation, Action write)
    {
        Guard(operation, () =>
        {
            database.BeginTrans();
            try
            {
                write();
                database.Commit();
            }
            catch
            {
                database.Rollback();
                throw;
            }

            return true;
        });
    }

    private T Guard<T>(string operation, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception error) when (error is LiteException or IOException or InvalidDataException)
        {
            LogStoreFailed(logger, error, operation, Location);
            throw new KvException(
                503,
                KvErrorCodes.StoreUnavailable,
                $"KV store failed to {operation} in data file '{Location}': {error.Message}",
                error);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Opened KV data file {Path} with {KeyCount} keys, {CachedCount} of them cached")]
    private static partial void LogOpened(ILogger logger, string path, int keyCount, int cachedCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed KV data file {Path}")]
    private static partial void LogClosed(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted namespace {NamespaceId} with {KeyCount} keys")]
    private static partial void LogNamespaceDeleted(ILogger logger, string namespaceId, int keyCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "KV store failed to {Operation} in data file {Path}")]
    private static partial void LogStoreFailed(ILogger logger, Exception error, string operation, string path);
}
