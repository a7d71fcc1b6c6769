using Microsoft.Extensions.Logging;
using RepoCache.Proxy.Backends;
using RepoCache.Proxy.Contract;
using RepoCache.Proxy.Stats;

namespace RepoCache.Proxy.Caching;

/// <summary>
/// The Worker's logic: evaluates the hit rule against stored entries, writes entries with the later-entry guard,
/// and deletes them, recording every outcome in the stats.
/// </summary>
internal sealed partial class CacheService(
    ICacheBackend backend,
    ProxyStats stats,
    EntryCounter entryCounter,
    TimeProvider timeProvider,
    ILogger<CacheService> logger)
{
    private readonly KeyLocks _locks = new();

    /// <summary>Checks one repository and returns the outcome with the stored entry on a hit.</summary>
    public async Task<(CheckOutcome Outcome, CacheEntry? Entry)> CheckAsync(
        RepositoryRef repository, DateTimeOffset? pushedAt, string? processor, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();

        string? stored;
        try
        {
            stored = await backend.GetAsync(repository.Key, cancellationToken);
        }
        catch (CacheBackendException exception)
        {
            stats.RecordCheckError(1);
            LogCheckFailed(logger, exception, repository.Key);
            throw;
        }

        var (outcome, entry) = Evaluate(stored, pushedAt, processor);
        stats.RecordCheck(outcome, timeProvider.GetElapsedTime(started));
        return (outcome, outcome.IsHit ? entry : null);
    }

    /// <summary>Checks a batch, reading distinct keys in bulk, and returns results in request order.</summary>
    public async Task<IReadOnlyList<CheckResult>> CheckManyAsync(ValidatedBatch batch, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var keys = batch.Targets.Select(target => target.Repository.Key).Distinct(StringComparer.Ordinal).ToList();

        IReadOnlyDictionary<string, string?> values;
        try
        {
            values = keys.Count == 0 ? new Dictionary<string, string?>() : await backend.GetManyAsync(keys, cancellationToken);
        }
        catch (CacheBackendException exception)
        {
            stats.RecordCheckError(batch.Targets.Count);
            LogBatchCheckFailed(logger, exception, batch.Targets.Count);
            throw;
        }

        var outcomes = new List<CheckOutcome>(batch.Targets.Count);
        var results = new List<CheckResult>(batch.Targets.Count);
        foreach (var target in batch.Targets)
        {
            var stored = values.GetValueOrDefault(target.Repository.Key);
            var (outcome, _) = Evaluate(stored, target.PushedAt, batch.Processor);
            outcomes.Add(outcome);
            results.Add(new CheckResult(target.Repository.Owner, target.Repository.Name, outcome.IsHit, outcome.Reason));
        }

        stats.RecordBatchCheck(outcomes, timeProvider.GetElapsedTime(started));
        return results;
    }

    /// <summary>
    /// Stores an entry unless a complete entry of the same processor with a later <c>pushedAt</c> is stored,
    /// and returns only after the backend acknowledged the write.
    /// </summary>
    public async Task<WriteResult> WriteAsync(RepositoryRef repository, ValidatedWrite write, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();

        // NOTE: the lock makes read-check-write atomic within this process only. Workers KV has no compare-and-set,
        // so two proxies writing the same key to one Cloudflare namespace can still race.
        using var keyLock = await _locks.AcquireAsync(repository.Key, cancellationToken);

        try
        {
            var storedText = await backend.GetAsync(repository.Key, cancellationToken);
            var stored = storedText is null ? null : CacheEntryCodec.TryDeserialize(storedText);
            if (stored is not null && IsLaterCompleteEntry(stored, write))
            {
                stats.RecordWriteConflict();
                LogWriteConflict(logger, repository.Key, stored.PushedAt, write.PushedAt is { } p ? PushedAt.Format(p) : null);
                return WriteResult.Conflict(stored);
            }

            var entry = new CacheEntry(
                repository.Owner,
                repository.Name,
                write.PushedAt is { } pushedAt ? PushedAt.Format(pushedAt) : null,
                PushedAt.Format(timeProvider.GetUtcNow()),
                write.Status,
                write.Processor,
                write.Digest,
                write.Error);

            await backend.PutAsync(repository.Key, CacheEntryCodec.Serialize(entry), cancellationToken);
        }
        catch (CacheBackendException exception)
        {
            stats.RecordWriteError();
            LogWriteFailed(logger, exception, repository.Key);
            throw;
        }
        finally
        {
            entryCounter.Invalidate();
        }

        stats.RecordWrite(timeProvider.GetElapsedTime(started));
        return WriteResult.Stored;
    }

    /// <summary>Deletes a repository's entry. Deleting an absent entry succeeds.</summary>
    public async Task DeleteAsync(RepositoryRef repository, CancellationToken cancellationToken)
    {
        using var keyLock = await _locks.AcquireAsync(repository.Key, cancellationToken);

        try
        {
            await backend.DeleteAsync(repository.Key, cancellationToken);
        }
        catch (CacheBackendException exception)
        {
            LogDeleteFailed(logger, exception, repository.Key);
            throw;
        }
        finally
        {
            entryCounter.Invalidate();
        }

        stats.RecordDelete();
    }

    private static (CheckOutcome Outcome, CacheEntry? Entry) Evaluate(string? stored, DateTimeOffset? pushedAt, string? processor)
    {
        if (stored is null)
        {
            return (HitRule.Evaluate(null, pushedAt, processor), null);
        }

        var entry = CacheEntryCodec.TryDeserialize(stored);
        return entry is null
            ? (CheckOutcome.Miss(MissReason.Malformed), null)
            : (HitRule.Evaluate(entry, pushedAt, processor), entry);
    }

    // A write that names another processor replaces the entry whatever its pushedAt, because the stored digest is outdated.
    private static bool IsLaterCompleteEntry(CacheEntry stored, ValidatedWrite write)
    {
        if (stored.Status != CacheStatus.Complete || write.PushedAt is not { } requested)
        {
            return false;
        }

        if (write.Processor is not null && !string.Equals(stored.Processor, write.Processor, StringComparison.Ordinal))
        {
            return false;
        }

        return PushedAt.TryParse(stored.PushedAt, out var storedPushedAt) && storedPushedAt.Value > requested;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Cache check of {Key} failed because the KV backend failed")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception, string key);

    [LoggerMessage(Level = LogLevel.Error, Message = "Batch check of {Count} repositories failed because the KV backend failed")]
    private static partial void LogBatchCheckFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Write to {Key} rejected: stored pushedAt {StoredPushedAt} is later than the request's {RequestedPushedAt}")]
    private static partial void LogWriteConflict(ILogger logger, string key, string? storedPushedAt, string? requestedPushedAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Write to {Key} failed because the KV backend failed; the client gets 503")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string key);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delete of {Key} failed because the KV backend failed; the client gets 503")]
    private static partial void LogDeleteFailed(ILogger logger, Exception exception, string key);
}
