using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using RepoCache.Ingest.Cache;
using RepoCache.Ingest.Feed;

namespace RepoCache.Ingest.Run;

public sealed partial class IngestRunner
{
    // Builds the summary, decides the exit code, prints the summary lines and writes the JSON file.
    private async Task<RunSummary> FinishAsync(RunState state, DateTimeOffset startedAt, int? exitCode, CancellationToken cancellationToken)
    {
        IEnumerable<RepositoryReport> unfinished = exitCode == ExitCodes.Cancelled ? CancelledReports(state) : [];
        var reports = state.Reports.Values
            .Concat(unfinished)
            .Concat(InvalidRowReports(state.Feed))
            .OrderBy(report => report.FeedIndex)
            .ToList();

        var totals = ComputeTotals(state, reports);
        exitCode ??= DecideExitCode(state, totals);
        var processAll = state.CacheError is not null && _options.OnCacheError == CacheErrorPolicy.ProcessAll;
        var notice = processAll
            ? "Cache unavailable: every selected repository was processed without a cache check (--on-cache-error process-all)."
            : null;

        var finishedAt = _timeProvider.GetUtcNow();
        var summary = new RunSummary(
            RunSummary.CurrentSchemaVersion, notice, exitCode.Value, startedAt, finishedAt, (finishedAt - startedAt).TotalMilliseconds,
            FeedLocation.Redact(_options.Feed), _options.Shard.ToString(), _options.Limit, Processor,
            processAll ? "process-all" : "checked", state.CacheError ?? state.FeedError, totals,
            new RunLatency(_services.Cache.CheckLatency.Summarize(), _services.Cache.WriteLatency.Summarize()),
            reports);

        PrintSummary(summary);
        if (_options.SummaryPath is not null)
        {
            await WriteSummaryFileAsync(summary, _options.SummaryPath, cancellationToken);
        }

        return summary;
    }

    private static RunTotals ComputeTotals(RunState state, List<RepositoryReport> reports)
    {
        var misses = reports.Where(report => report.MissReason is not null).ToList();
        var byReason = misses
            .GroupBy(report => report.MissReason!)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Count());

        return new RunTotals(
            FeedRows: state.Feed?.TotalRows ?? 0,
            InvalidRows: state.Feed?.Problems.Count ?? 0,
            DuplicatesMerged: state.Feed?.DuplicatesMerged ?? 0,
            Selected: state.Selected.Count,
            Checked: state.Checked,
            Hits: reports.Count(report => report.Outcome == RepositoryOutcome.Hit),
            Misses: misses.Count,
            MissesByReason: byReason,
            Processed: reports.Count(report => report.Outcome == RepositoryOutcome.Processed),
            Failed: reports.Count(report => report.Outcome == RepositoryOutcome.Failed),
            Downloads: reports.Count(report => report.DownloadBytes is not null),
            DownloadBytes: reports.Sum(report => report.DownloadBytes ?? 0),
            DigestBytes: reports.Sum(report => report.Digest?.Bytes ?? 0),
            CacheWrites: reports.Count(report => report.CacheWrite == CacheWriteOutcomeNames.Written),
            WriteConflicts: reports.Count(report => report.CacheWrite == CacheWriteOutcomeNames.Conflict),
            WriteErrors: reports.Count(report => report.CacheWrite == CacheWriteOutcomeNames.Failed));
    }

    private static int DecideExitCode(RunState state, RunTotals totals)
    {
        if (state.CacheError is not null || totals.WriteErrors > 0)
        {
            return ExitCodes.CacheUnavailable;
        }

        return totals.Failed > 0 ? ExitCodes.RepositoriesFailed : ExitCodes.Success;
    }

    // Every selected repository without a report of its own, with the miss reason the check gave it, if any.
    private static IEnumerable<RepositoryReport> CancelledReports(RunState state) =>
        state.Selected
            .Where(row => !state.Reports.ContainsKey(row.Index))
            .Select(row => new RepositoryReport(
                row.Index, row.Owner, row.Name, CacheClient.FormatPushedAt(row.PushedAt), RepositoryOutcome.Cancelled,
                state.MissReasons.GetValueOrDefault(row.Index), null, null, CacheWriteOutcomeNames.NotAttempted,
                "Not processed: the run was cancelled before this repository was finished. The next run retries it.", 0));

    private static IEnumerable<RepositoryReport> InvalidRowReports(FeedLoadResult? feed) =>
        (feed?.Problems ?? []).Select(problem => new RepositoryReport(
            problem.Index, problem.Owner, problem.Name, null, RepositoryOutcome.SkippedInvalid, null, null, null,
            CacheWriteOutcomeNames.NotAttempted, $"{problem.Field}: {problem.Reason}", 0));

    private void PrintSummary(RunSummary summary)
    {
        if (summary.Notice is not null)
        {
            _output.WriteLine(summary.Notice);
        }

        var totals = summary.Totals;
        _output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Summary: {totals.Selected} repositories, {totals.Hits} hits, {totals.Processed} processed, {totals.Failed} failed, {totals.Downloads} downloads ({totals.DownloadBytes} bytes), {totals.CacheWrites} cache writes, {totals.WriteErrors} write errors, {totals.InvalidRows} invalid rows; exit code {summary.ExitCode}"));
        _logger.LogInformation(
            "Ingest finished with exit code {ExitCode}: {Hits} hits, {Processed} processed, {Failed} failed, {WriteErrors} write errors",
            summary.ExitCode, totals.Hits, totals.Processed, totals.Failed, totals.WriteErrors);
    }

    // Written like a digest, temporary file then rename, so a reader never sees half a summary.
    private async Task WriteSummaryFileAsync(RunSummary summary, string path, CancellationToken cancellationToken)
    {
        var fullPath = Path.GetFullPath(path);
        var temporary = fullPath + $".{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
            await using (var stream = File.Create(temporary))
            {
                await JsonSerializer.SerializeAsync(stream, summary, SummaryJsonContext.Default.RunSummary, cancellationToken);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            _logger.LogError(exception, "Summary file {Path} could not be written", fullPath);
            _error.WriteLine($"error: the summary file '{fullPath}' could not be written: {exception.Message}");
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
