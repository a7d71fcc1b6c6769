using Microsoft.Extensions.Logging;
using RepoCache.Kv;
using RepoCache.Proxy.Hosting;
using RepoCache.Verification.Checks;
using RepoCache.Verification.GitHub;
using RepoCache.Verification.Reports;
using RepoCache.Verification.Runners;

namespace RepoCache.Verification.Host;

/// <summary>
/// Runs the verification: starts the GitHub stand-in and (unless an external proxy is given) the KV emulator and
/// cache proxy in this process, runs three passes of runner processes, checks what happened, and writes the reports.
/// Everything it starts is stopped before it returns.
/// </summary>
public sealed partial class VerificationHost(VerificationOptions options, ILoggerFactory loggerFactory, TextWriter console)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<VerificationHost>();

    /// <summary>
    /// Runs the whole verification and writes the report files; returns the report, whose verdict is the result.
    /// Throws <see cref="VerificationUsageException"/> for invalid options or feed before anything starts.
    /// </summary>
    public async Task<VerificationReport> RunAsync(CancellationToken cancellationToken)
    {
        VerificationOptionsValidator.Validate(options);
        var repositories = FeedSelection.Select(options.Repos, options.Count);
        var runner = ResolveRunner();
        var layout = new VerificationLayout(Path.GetFullPath(options.Output));
        layout.Prepare();

        var startedAt = DateTimeOffset.UtcNow;
        var run = new RunState(repositories);
        string? error = null;
        var proxyUrl = options.ProxyUrl?.ToString() ?? "not started";

        GitHubStandIn? standIn = null;
        KvEmulator? emulator = null;
        RunningCacheProxy? proxy = null;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            standIn = GitHubStandIn.Start(repositories.Select(ToUpstream));
            LogStandIn(_logger, standIn.BaseAddress, repositories.Count);

            IEntryInspector inspector;
            Uri cacheUrl;
            if (options.ProxyUrl is null)
            {
                emulator = KvEmulator.Open(new KvEmulatorOptions(layout.Database, LoggerFactory: loggerFactory));
                proxy = await CacheProxyServer.StartAsync(
                    new CacheProxyOptions { Host = "127.0.0.1", Port = 0, Emulator = emulator, LoggerFactory = loggerFactory },
                    cancellationToken);
                cacheUrl = proxy.BaseAddress;
                inspector = new KvEntryInspector(emulator.GetNamespace(CacheProxyOptions.CacheNamespaceId));
            }
            else
            {
                cacheUrl = options.ProxyUrl;
                inspector = new ProxyEntryInspector(new ProxyClient(http), options.ProxyUrl);
            }

            proxyUrl = cacheUrl.ToString();
            http.BaseAddress = new Uri(cacheUrl.ToString().TrimEnd('/') + "/");
            LogProxy(_logger, cacheUrl, options.ProxyUrl is not null);

            var passes = new PassRunner(options, layout, runner, standIn, new ProxyClient(http), inspector, run, console, loggerFactory);
            await passes.RunAllAsync(cancellationToken);

            await CheckRunTotalsAsync(run, inspector, proxy is not null, new ProxyClient(http), cancellationToken);
            foreach (var check in run.Checks.Results.Where(check => check.Pass == 0))
            {
                console.WriteLine($"  {check.ToConsoleLine()}");
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            error = $"{exception.GetType().Name}: {exception.Message}";
            LogRunFailed(_logger, exception);
            run.Checks.Add("run.completed", 0, "The verification runs all three passes to the end.", false, "all passes run", error);
        }
        finally
        {
            if (proxy is not null)
            {
                await proxy.DisposeAsync();
            }

            emulator?.Dispose();
            standIn?.Dispose();
        }

        var report = ReportBuilder.Build(run, options, proxyUrl, runner.ToString(), startedAt, DateTimeOffset.UtcNow, error, layout);
        ReportFiles.WriteAll(report, layout.Output);
        return report;
    }

    private RunnerCommand ResolveRunner()
    {
        try
        {
            return RunnerCommand.Resolve(options.Runner);
        }
        catch (FileNotFoundException error)
        {
            throw new VerificationUsageException(error.Message);
        }
    }

    private static UpstreamRepository ToUpstream(FeedRepository repository) => new(repository.Owner, repository.Name, repository.Instant);

    private static async Task CheckRunTotalsAsync(RunState run, IEntryInspector inspector, bool inProcess, ProxyClient client, CancellationToken cancellationToken)
    {
        var (count, problem) = await inspector.CountAsync(cancellationToken);
        run.Checks.Add("run.kv-entry-count", 0, $"The cache holds exactly one entry per repository ({inspector.Source}).",
            count == run.Repositories.Count, $"{run.Repositories.Count} entries", count is null ? $"unavailable: {problem}" : $"{count} entries");

        // An external proxy may have served other clients since it started, and the host's own entry reads
        // went through it, so only the in-process proxy's lifetime totals are comparable.
        if (!inProcess)
        {
            return;
        }

        var (stats, statsProblem) = await client.GetStatsAsync(cancellationToken);
        var expected = run.Passes.Aggregate((Checks: 0L, Hits: 0L, Writes: 0L), (sum, pass) =>
        {
            var totals = pass.Observation.Totals;
            return (sum.Checks + totals.Checked, sum.Hits + totals.Hits, sum.Writes + totals.CacheWrites);
        });
        expected = (expected.Checks + run.HostChecks.Checks, expected.Hits + run.HostChecks.Hits, expected.Writes);
        var expectedText = $"checks {expected.Checks}, hits {expected.Hits}, writes {expected.Writes}";
        var actualText = stats is null
            ? $"unavailable: {statsProblem}"
            : $"checks {stats.SinceStart.Checks}, hits {stats.SinceStart.Hits}, writes {stats.SinceStart.Writes}";
        run.Checks.Add("run.stats-since-start", 0, "The proxy's totals since start equal the runners' summaries over all passes plus the host's own spelling check.",
            expectedText == actualText, expectedText, actualText);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "GitHub stand-in listening on {Address} for {Count} repositories")]
    private static partial void LogStandIn(ILogger logger, Uri address, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Runners use the cache proxy at {Address} (external: {External})")]
    private static partial void LogProxy(ILogger logger, Uri address, bool external);

    [LoggerMessage(Level = LogLevel.Error, Message = "The verification stopped before its end")]
    private static partial void LogRunFailed(ILogger logger, Exception exception);
}
