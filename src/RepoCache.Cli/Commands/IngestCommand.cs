using System.CommandLine;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using RepoCache.Ingest.Extraction;
using RepoCache.Ingest.Http;
using RepoCache.Ingest.Run;
using RepoCache.Ingest.Sharding;
using Spectre.Console;

namespace RepoCache.Cli.Commands;

/// <summary><c>repocache ingest</c>: checks the cache for every feed repository and digests only the misses.</summary>
internal static class IngestCommand
{
    private const int MaxConcurrency = 256;

    public static Command Create()
    {
        var repos = new Option<string>("--repos") { Description = "Repository feed: a JSON file path or an http(s) URL.", Required = true };
        var cacheUrl = new Option<string>("--cache-url") { Description = "Base URL of the cache proxy, for example http://127.0.0.1:8787.", Required = true };
        var output = new Option<string>("--out") { Description = "Folder that receives the digests as {owner}/{name}.txt.", Required = true };
        var shard = new Option<string>("--shard") { Description = "Shard of the feed to process, i/N with i from 1 to N (1/4 is the first of four).", DefaultValueFactory = _ => "1/1" };
        var limit = new Option<int?>("--limit") { Description = "Take only the first N valid unique feed rows, before sharding." };
        var concurrency = new Option<int>("--concurrency") { Description = $"Repositories processed at the same time (1 to {MaxConcurrency}).", DefaultValueFactory = _ => Environment.ProcessorCount * 2 };
        var gitHubUrl = new Option<string>("--github-url") { Description = "Base URL of the GitHub REST API; the token comes from GITHUB_TOKEN.", DefaultValueFactory = _ => "https://api.github.com" };
        var summary = new Option<string?>("--summary") { Description = "Write the run summary JSON (totals, latencies, per-repository outcomes) to this file." };
        var processor = new Option<string?>("--processor") { Description = "Processor fingerprint to use instead of the one computed from the digest settings." };
        var onCacheError = new Option<string>("--on-cache-error") { Description = "When the cache check fails: 'fail' stops with exit code 3, 'process-all' processes every repository.", DefaultValueFactory = _ => "fail" };
        onCacheError.AcceptOnlyFromAmong("fail", "process-all");
        var maxFileSize = new Option<long>("--max-file-size") { Description = "Files over this many bytes are listed in the digest as skipped.", DefaultValueFactory = _ => IngestOptions.DefaultMaxFileSize };
        var digestCommand = new Option<string?>("--digest-command") { Description = "External command that writes the digest instead, with {input}, {output}, {owner} and {name} placeholders; without {output} its standard output is the digest." };
        var maxRetries = new Option<int>("--max-retries") { Description = "Retries of a failed HTTP call to the proxy or GitHub (0 to 10).", DefaultValueFactory = _ => RetrySettings.Default.MaxRetries };
        var retryDelay = new Option<int>("--retry-delay-ms") { Description = "Delay before the first retry in milliseconds; it doubles on each retry, with jitter.", DefaultValueFactory = _ => (int)RetrySettings.Default.BaseDelay.TotalMilliseconds };
        var maxArchiveBytes = new Option<long>("--max-archive-bytes") { Description = "Reject archives whose download is larger than this many bytes.", DefaultValueFactory = _ => ExtractionLimits.Default.MaxArchiveBytes };
        var maxExtractedBytes = new Option<long>("--max-extracted-bytes") { Description = "Reject archives that expand to more than this many bytes.", DefaultValueFactory = _ => ExtractionLimits.Default.MaxExtractedBytes };
        var maxEntries = new Option<int>("--max-archive-entries") { Description = "Reject archives with more entries than this.", DefaultValueFactory = _ => ExtractionLimits.Default.MaxEntries };
        var workDirectory = new Option<string?>("--work-dir") { Description = "Folder for downloads and extraction (default: a new folder under the system temp folder, deleted at the end)." };
        var logLevel = new Option<LogLevel>("--log-level") { Description = "Lowest level of the structured logs written to standard error.", DefaultValueFactory = _ => LogLevel.Information };

        var command = new Command("ingest", "Check the cache for every repository of the feed, then download, digest and record only the misses.");
        foreach (var option in new Option[] { repos, cacheUrl, output, shard, limit, concurrency, gitHubUrl, summary, processor, onCacheError, maxFileSize, digestCommand, maxRetries, retryDelay, maxArchiveBytes, maxExtractedBytes, maxEntries, workDirectory, logLevel })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var problems = new List<string>();
            var cache = ParseHttpUrl(parseResult.GetValue(cacheUrl)!, "--cache-url", problems);
            var gitHub = ParseHttpUrl(parseResult.GetValue(gitHubUrl)!, "--github-url", problems);
            if (!ShardSpec.TryParse(parseResult.GetValue(shard), out var shardSpec, out var shardProblem))
            {
                problems.Add(shardProblem);
            }

            var limitValue = parseResult.GetValue(limit);
            Require(limitValue is null or >= 1, $"--limit {limitValue} is invalid: give at least 1, or leave it out for the whole feed.", problems);
            var concurrencyValue = parseResult.GetValue(concurrency);
            Require(concurrencyValue is >= 1 and <= MaxConcurrency, $"--concurrency {concurrencyValue} is invalid: give 1 to {MaxConcurrency}.", problems);
            var maxFileSizeValue = parseResult.GetValue(maxFileSize);
            Require(maxFileSizeValue >= 1, $"--max-file-size {maxFileSizeValue} is invalid: give a number of bytes of at least 1.", problems);
            var maxRetriesValue = parseResult.GetValue(maxRetries);
            Require(maxRetriesValue is >= 0 and <= 10, $"--max-retries {maxRetriesValue} is invalid: give 0 to 10.", problems);
            var retryDelayValue = parseResult.GetValue(retryDelay);
            Require(retryDelayValue is >= 1 and <= 60_000, $"--retry-delay-ms {retryDelayValue} is invalid: give 1 to 60000.", problems);
            var limits = new ExtractionLimits(parseResult.GetValue(maxArchiveBytes), parseResult.GetValue(maxExtractedBytes), parseResult.GetValue(maxEntries));
            Require(limits.MaxArchiveBytes >= 1 && limits.MaxExtractedBytes >= 1 && limits.MaxEntries >= 1, "--max-archive-bytes, --max-extracted-bytes and --max-archive-entries must each be at least 1.", problems);
            var digestCommandValue = parseResult.GetValue(digestCommand);
            Require(digestCommandValue is null || !string.IsNullOrWhiteSpace(digestCommandValue), "--digest-command is empty: give a program and its arguments, or leave it out.", problems);

            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    Console.Error.WriteLine($"error: {problem}");
                }

                Console.Error.WriteLine("Run 'repocache ingest --help' for every option.");
                return ExitCodes.InvalidUsage;
            }

            var options = new IngestOptions
            {
                Feed = parseResult.GetValue(repos)!,
                CacheUrl = cache!,
                OutputDirectory = parseResult.GetValue(output)!,
                GitHubUrl = gitHub!,
                GitHubToken = Environment.GetEnvironmentVariable("GITHUB_TOKEN"),
                CacheToken = Environment.GetEnvironmentVariable("REPOCACHE_TOKEN"),
                Shard = shardSpec!,
                Limit = limitValue,
                Concurrency = concurrencyValue,
                SummaryPath = parseResult.GetValue(summary),
                Processor = parseResult.GetValue(processor),
                OnCacheError = parseResult.GetValue(onCacheError) == "process-all" ? CacheErrorPolicy.ProcessAll : CacheErrorPolicy.Fail,
                MaxFileSize = maxFileSizeValue,
                DigestCommand = digestCommandValue,
                Retry = RetrySettings.Default with { MaxRetries = maxRetriesValue, BaseDelay = TimeSpan.FromMilliseconds(retryDelayValue) },
                Extraction = limits,
                WorkDirectory = parseResult.GetValue(workDirectory),
            };

            return await RunAsync(options, parseResult.GetValue(logLevel), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(IngestOptions options, LogLevel logLevel, CancellationToken cancellationToken)
    {
        // Logs go to standard error, so standard output carries only the report lines that scripts read.
        using var loggerFactory = LoggerFactory.Create(logging => logging
            .SetMinimumLevel(logLevel)
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace)
            .AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.TimestampFormat = "HH:mm:ss.fff ";
                console.UseUtcTimestamp = true;
            })
            .AddFilter("System.Net.Http", LogLevel.Warning));

        IRunProgress progress = Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive
            ? new PeriodicLineProgress(Console.Out, TimeProvider.System, options.ProgressInterval)
            : new ProgressBar();

        // NOTE: System.CommandLine 2.0.0 as invoked by Program did not cancel this token on SIGINT in a test on Linux
        // (the process died from the signal), so the runner handles SIGINT and SIGTERM itself to write its summary.
        using var interrupted = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
        cancellationToken = interrupted.Token;

        try
        {
            using var runner = new IngestRunner(options, Console.Out, Console.Error, loggerFactory, TimeProvider.System);
            var summary = await runner.RunAsync(progress, cancellationToken);
            return summary.ExitCode;
        }
        catch (ArgumentException exception)
        {
            Console.Error.WriteLine($"error: {exception.Message}");
            return ExitCodes.InvalidUsage;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Console.Error.WriteLine("error: the run was cancelled.");
            return ExitCodes.Cancelled;
        }

        void Cancel(PosixSignalContext context)
        {
            context.Cancel = true;
            interrupted.Cancel();
        }
    }

    private static Uri? ParseHttpUrl(string text, string option, List<string> problems)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return uri;
        }

        problems.Add($"{option} '{text}' is invalid: give an absolute http or https URL, such as http://127.0.0.1:8787.");
        return null;
    }

    private static void Require(bool condition, string problem, List<string> problems)
    {
        if (!condition)
        {
            problems.Add(problem);
        }
    }

    /// <summary>A Spectre.Console progress bar for interactive terminals.</summary>
    private sealed class ProgressBar : IRunProgress
    {
        public Task RunAsync(int total, Func<Action<RepositoryReport>, Task> work) =>
            AnsiConsole.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask("Processing misses", maxValue: Math.Max(total, 1));
                    await work(_ => task.Increment(1));
                    task.Value = task.MaxValue;
                });
    }
}
