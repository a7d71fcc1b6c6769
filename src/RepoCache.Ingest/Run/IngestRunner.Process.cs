using System.Diagnostics;
using Microsoft.Extensions.Logging;
using RepoCache.Ingest.Cache;
using RepoCache.Ingest.Digest;
using RepoCache.Ingest.Extraction;
using RepoCache.Ingest.Feed;
using RepoCache.Ingest.Source;
using RepoCache.Proxy.Contract;

namespace RepoCache.Ingest.Run;

public sealed partial class IngestRunner
{
    // Downloads, extracts, digests and stores one repository, then records the outcome in the cache.
    // A failure of the repository itself is caught and recorded, so only cancellation propagates.
    private async Task<RepositoryReport> ProcessAsync(FeedRow row, string missReason, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var pushedAt = CacheClient.FormatPushedAt(row.PushedAt);
        var workFolder = Path.Combine(_services.WorkRoot, $"{row.Index}-{Guid.NewGuid():N}");
        long? downloadBytes = null;

        try
        {
            Directory.CreateDirectory(workFolder);
            var archivePath = Path.Combine(workFolder, "archive");
            var repositoryFolder = Path.Combine(workFolder, "repository");

            downloadBytes = await _services.GitHub.DownloadAsync(row.Owner, row.Name, archivePath, cancellationToken);
            var extraction = await _services.Extractor.ExtractAsync(archivePath, repositoryFolder, cancellationToken);
            File.Delete(archivePath);

            var input = new DigestInput(row.Owner, row.Name, repositoryFolder, extraction);
            var digest = await _services.Store.StoreAsync(
                row.Owner, row.Name, (stream, token) => _services.DigestProducer.WriteAsync(input, stream, token), cancellationToken);

            var entry = new CacheWriteRequest(pushedAt, CacheStatus.Complete, Processor, digest);
            var (write, writeError) = await WriteEntryAsync(row, entry, cancellationToken);
            _logger.LogInformation(
                "Processed {Owner}/{Name}: {DownloadBytes} bytes downloaded, digest {DigestBytes} bytes, cache write {CacheWrite}",
                row.Owner, row.Name, downloadBytes, digest.Bytes, CacheWriteOutcomeNames.Of(write));

            return new RepositoryReport(
                row.Index, row.Owner, row.Name, pushedAt, RepositoryOutcome.Processed, missReason, downloadBytes, digest,
                CacheWriteOutcomeNames.Of(write), writeError, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (IsExpectedFailure(exception))
            {
                _logger.LogError("Processing {Owner}/{Name} failed, recording a failed cache entry: {Error}", row.Owner, row.Name, exception.Message);
            }
            else
            {
                _logger.LogError(exception, "Processing {Owner}/{Name} failed, recording a failed cache entry", row.Owner, row.Name);
            }

            var error = exception.Message;
            var entry = new CacheWriteRequest(pushedAt, CacheStatus.Failed, Processor, Error: error);
            var (write, writeError) = await WriteEntryAsync(row, entry, cancellationToken);
            var combined = writeError is null ? error : $"{error} Recording the failure also failed: {writeError}";

            return new RepositoryReport(
                row.Index, row.Owner, row.Name, pushedAt, RepositoryOutcome.Failed, missReason, downloadBytes, null,
                CacheWriteOutcomeNames.Of(write), combined, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        finally
        {
            DeleteWorkFolder(workFolder);
        }
    }

    // With --on-cache-error process-all and a proxy that failed the check, the first write that fails after retries
    // stops further writes, because each would wait through every retry delay and fail the same way.
    private async Task<(CacheWriteOutcome Outcome, string? Error)> WriteEntryAsync(FeedRow row, CacheWriteRequest entry, CancellationToken cancellationToken)
    {
        if (_cacheWritesStopped)
        {
            return (CacheWriteOutcome.Failed, "not sent, because an earlier cache write failed after retries while the proxy was unavailable");
        }

        var (outcome, error) = await _services.Cache.WriteAsync(row.Owner, row.Name, entry, cancellationToken);
        if (outcome == CacheWriteOutcome.Failed && _cacheCheckFailed && !_cacheWritesStopped)
        {
            _cacheWritesStopped = true;
            _logger.LogError("Cache writes stopped after {Owner}/{Name}: the proxy failed the check and now a write; later repositories are processed without a cache write", row.Owner, row.Name);
        }

        return (outcome, error);
    }

    // These carry a complete message of their own, so a stack trace would only add noise to the log.
    private static bool IsExpectedFailure(Exception exception) =>
        exception is ArchiveDownloadException or ArchiveRejectedException or DigestCommandException;

    private void DeleteWorkFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning(exception, "Work folder {Folder} could not be deleted", folder);
        }
    }
}
