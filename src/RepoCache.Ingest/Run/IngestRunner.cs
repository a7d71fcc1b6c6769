using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using RepoCache.Ingest.Cache;
using RepoCache.Ingest.Feed;
using RepoCache.Ingest.Sharding;
using RepoCache.Proxy.Contract;

namespace RepoCache.Ingest.Run;

/// <summary>
/// Runs one ingestion: reads the feed, selects the shard, checks the cache, downloads and digests the misses,
/// stores each digest and then records it in the cache, and reports every outcome.
/// </summary>
public sealed partial class IngestRunner : IDisposable
{
    // Invalid rows beyond this many are counted in the summary but not logged one by one.
    private const int MaxLoggedProblems = 20;

    private readonly IngestOptions _options;
    private readonly IngestServices _services;
    private readonly TextWriter _output;
    private readonly TextWriter _error;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<IngestRunner> _logger;
    private volatile bool _cacheCheckFailed;
    private volatile bool _cacheWritesStopped;

    /// <summary>
    /// Creates a runner that prints report lines to <paramref name="output"/>, fatal errors to <paramref name="error"/>,
    /// and logs through <paramref name="loggerFactory"/>.
    /// </summary>
    public IngestRunner(IngestOptions options, TextWriter output, TextWriter error, ILoggerFactory loggerFactory, TimeProvider timeProvider)
    {
        _options = options;
        _output = output;
        _error = error;
        _timeProvider = timeProvider;
        _logger = loggerFactory.CreateLogger<IngestRunner>();
        _services = new IngestServices(options, loggerFactory, timeProvider);
        Processor = options.Processor ?? Digest.ProcessorFingerprint.Compute(options.MaxFileSize, options.DigestCommand);
    }

    /// <summary>The processor fingerprint sent with every check and write.</summary>
    public string Processor { get; }

    /// <summary>Runs the whole ingestion and returns its summary, whose <see cref="RunSummary.ExitCode"/> is the process exit code.</summary>
    public async Task<RunSummary> RunAsync(IRunProgress progress, CancellationToken cancellationToken)
    {
        var startedAt = _timeProvider.GetUtcNow();
        var state = new RunState();
        _logger.LogInformation(
            "Ingest starting: feed {Feed}, cache {CacheUrl}, GitHub {GitHubUrl}, shard {Shard}, limit {Limit}, concurrency {Concurrency}, processor {Processor}",
            FeedLocation.Redact(_options.Feed), _options.CacheUrl, _options.GitHubUrl, _options.Shard, _options.Limit, _options.Concurrency, Processor);

        try
        {
            var exitCode = await RunStepsAsync(state, progress, cancellationToken);
            return await FinishAsync(state, startedAt, exitCode, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning("Ingest cancelled with {Finished} repositories finished", state.Reports.Count);
            _error.WriteLine("error: the run was cancelled. Repositories that were not finished have no new cache entry, so the next run retries them.");
            return await FinishAsync(state, startedAt, ExitCodes.Cancelled, CancellationToken.None);
        }
    }

    // Returns the exit code when a step stops the run early, or null when every step ran.
    private async Task<int?> RunStepsAsync(RunState state, IRunProgress progress, CancellationToken cancellationToken)
    {
        FeedLoadResult feed;
        try
        {
            feed = await _services.FeedOpener.LoadAsync(_options.Feed, _options.Limit, cancellationToken);
        }
        catch (FeedException exception)
        {
            _logger.LogError("Feed {Feed} cannot be read: {Error}", FeedLocation.Redact(_options.Feed), exception.Message);
            _error.WriteLine($"error: {exception.Message}");
            state.FeedError = exception.Message;
            return ExitCodes.InvalidUsage;
        }

        state.Feed = feed;
        ReportFeed(feed);

        var selected = ShardSelector.Select(feed.Rows, _options.Shard);
        state.Selected = selected;
        _output.WriteLine($"Shard {_options.Shard}: {selected.Count} of {feed.Rows.Count} repositories");

        var misses = await CheckCacheAsync(selected, state, cancellationToken);
        if (misses is null)
        {
            return ExitCodes.CacheUnavailable;
        }

        await progress.RunAsync(misses.Count, async reportDone =>
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.Concurrency, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(misses, parallel, async (miss, token) =>
            {
                var report = await ProcessAsync(miss.Row, miss.Reason, token);
                state.Reports[miss.Row.Index] = report;
                reportDone(report);
            });
        });

        return null;
    }

    /// <inheritdoc/>
    public void Dispose() => _services.Dispose();

    private void ReportFeed(FeedLoadResult feed)
    {
        _output.WriteLine(
            $"Feed: {feed.TotalRows} rows, {feed.Rows.Count} valid unique taken, {feed.Problems.Count} invalid skipped, {feed.DuplicatesMerged} duplicates merged");

        foreach (var problem in feed.Problems.Take(MaxLoggedProblems))
        {
            _logger.LogWarning("Feed row {Index} skipped, field {Field}: {Reason}", problem.Index, problem.Field, problem.Reason);
        }

        if (feed.Problems.Count > MaxLoggedProblems)
        {
            _logger.LogWarning("{Count} more invalid feed rows skipped; the summary JSON lists them all", feed.Problems.Count - MaxLoggedProblems);
        }
    }

    // Returns the rows to process with their miss reasons, or null when the run must stop because the cache is unavailable.
    private async Task<IReadOnlyList<(FeedRow Row, string Reason)>?> CheckCacheAsync(IReadOnlyList<FeedRow> rows, RunState state, CancellationToken cancellationToken)
    {
        IReadOnlyList<CheckResult> results;
        try
        {
            results = await _services.Cache.CheckAsync(rows, Processor, cancellationToken);
        }
        catch (CacheUnavailableException exception)
        {
            state.CacheError = exception.Message;
            _cacheCheckFailed = true;
            if (_options.OnCacheError == CacheErrorPolicy.Fail)
            {
                _logger.LogError("Cache check failed; stopping because --on-cache-error is fail: {Error}", exception.Message);
                _error.WriteLine($"error: {exception.Message}");
                _error.WriteLine("Nothing was processed. Fix the cache proxy, or pass --on-cache-error process-all to process every repository without the cache.");
                return null;
            }

            _logger.LogWarning("Cache check failed; processing all {Count} repositories because --on-cache-error is process-all: {Error}", rows.Count, exception.Message);
            _output.WriteLine($"Cache check: unavailable, processing all {rows.Count} repositories (--on-cache-error process-all)");
            return rows.Select(row => (row, RepositoryOutcome.CacheUnavailableReason)).ToList();
        }

        state.Checked = rows.Count;
        var misses = new List<(FeedRow, string)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var result = results[i];
            if (result.Hit)
            {
                state.Reports[row.Index] = new RepositoryReport(
                    row.Index, row.Owner, row.Name, CacheClient.FormatPushedAt(row.PushedAt), RepositoryOutcome.Hit,
                    null, null, null, CacheWriteOutcomeNames.NotAttempted, null, 0);
            }
            else
            {
                var reason = result.Reason ?? MissReason.Absent;
                misses.Add((row, reason));
                state.MissReasons[row.Index] = reason;
            }
        }

        _output.WriteLine(FormatCacheCheckLine(rows.Count, rows.Count - misses.Count));
        _output.WriteLine(FormatMissReasonsLine(misses.Select(miss => miss.Item2)));
        return misses;
    }

    /// <summary>Formats <c>Cache check: 95/100 hits (95.0%), 5 misses</c>; an empty check reads 0.0%.</summary>
    public static string FormatCacheCheckLine(int total, int hits)
    {
        var rate = total == 0 ? 0 : 100.0 * hits / total;
        return string.Create(CultureInfo.InvariantCulture, $"Cache check: {hits}/{total} hits ({rate:0.0}%), {total - hits} misses");
    }

    private static string FormatMissReasonsLine(IEnumerable<string> reasons)
    {
        var counts = reasons.GroupBy(reason => reason).ToDictionary(group => group.Key, group => group.Count());
        if (counts.Count == 0)
        {
            return "Miss reasons: none";
        }

        var ordered = MissReason.All.Where(counts.ContainsKey).Concat(counts.Keys.Except(MissReason.All).Order(StringComparer.Ordinal));
        return "Miss reasons: " + string.Join(", ", ordered.Select(reason => $"{reason} {counts[reason]}"));
    }

    /// <summary>Everything gathered during one run, filled in as the steps finish.</summary>
    private sealed class RunState
    {
        public FeedLoadResult? Feed { get; set; }

        public string? FeedError { get; set; }

        public IReadOnlyList<FeedRow> Selected { get; set; } = [];

        public int Checked { get; set; }

        public string? CacheError { get; set; }

        public ConcurrentDictionary<int, RepositoryReport> Reports { get; } = new();

        // Miss reasons by feed index, kept so that a cancelled run still reports the misses it did not finish.
        public Dictionary<int, string> MissReasons { get; } = [];
    }
}
