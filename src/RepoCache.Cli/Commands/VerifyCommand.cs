using System.CommandLine;
using Microsoft.Extensions.Logging;
using RepoCache.Verification.Host;
using RepoCache.Verification.Reports;

namespace RepoCache.Cli.Commands;

/// <summary><c>repocache verify</c>: the end-to-end cache verification that <c>./build.sh VerifyCaching</c> runs.</summary>
internal static class VerifyCommand
{
    private const int ExitPassed = 0;
    private const int ExitFailed = 1;
    private const int ExitInvalidUsage = 2;

    public static Command Create()
    {
        var defaults = new VerificationOptions();
        var count = new Option<int>("--count") { Description = "Repositories per pass: the first N valid, distinct feed rows.", DefaultValueFactory = _ => defaults.Count };
        var changed = new Option<int>("--changed") { Description = "Repositories changed upstream before pass 2.", DefaultValueFactory = _ => defaults.Changed };
        var shards = new Option<int>("--shards") { Description = "Runner processes per pass, one per shard.", DefaultValueFactory = _ => defaults.Shards };
        var threshold = new Option<double>("--threshold") { Description = "Minimum pass-2 hit rate, a ratio from 0 to 1.", DefaultValueFactory = _ => defaults.Threshold };
        var repos = new Option<string>("--repos") { Description = "Feed JSON file.", DefaultValueFactory = _ => defaults.Repos };
        var output = new Option<string>("--output") { Description = "Folder for report.html, report.json, junit.xml, summary.md, runner logs and working files.", DefaultValueFactory = _ => defaults.Output };
        var runner = new Option<string?>("--runner") { Description = "Runner to start instead of the repocache next to this program: an executable, or a .dll run with dotnet." };
        var proxyUrl = new Option<string?>("--proxy-url") { Description = "Point the runners at this cache proxy instead of starting the KV emulator and proxy in-process." };
        var onCacheError = new Option<string?>("--on-cache-error") { Description = "Passed to every runner: fail or process-all." };
        var runnerArguments = new Option<string?>("--runner-args") { Description = "Extra arguments for every runner, separated by spaces, for example --runner-args=\"--max-retries 0\"." };
        var runnerTimeout = new Option<int>("--runner-timeout") { Description = "Seconds one runner process may run before it is stopped.", DefaultValueFactory = _ => (int)defaults.RunnerTimeout.TotalSeconds };

        var command = new Command("verify", "Run the two-pass cache verification end to end and write its reports; exit 1 when a check fails.");
        foreach (var option in new Option[] { count, changed, shards, threshold, repos, output, runner, proxyUrl, onCacheError, runnerArguments, runnerTimeout })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var proxyText = parseResult.GetValue(proxyUrl);
            Uri? proxyUri = null;
            if (proxyText is not null && !Uri.TryCreate(proxyText, UriKind.Absolute, out proxyUri))
            {
                Console.Error.WriteLine($"error: --proxy-url '{proxyText}' is invalid: pass an absolute http URL such as http://127.0.0.1:8787.");
                return ExitInvalidUsage;
            }

            var options = new VerificationOptions
            {
                Count = parseResult.GetValue(count),
                Changed = parseResult.GetValue(changed),
                Shards = parseResult.GetValue(shards),
                Threshold = parseResult.GetValue(threshold),
                Repos = parseResult.GetValue(repos)!,
                Output = parseResult.GetValue(output)!,
                Runner = parseResult.GetValue(runner),
                ProxyUrl = proxyUri,
                OnCacheError = parseResult.GetValue(onCacheError),
                RunnerArguments = (parseResult.GetValue(runnerArguments) ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries),
                RunnerTimeout = TimeSpan.FromSeconds(parseResult.GetValue(runnerTimeout)),
            };

            return await RunAsync(options, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(VerificationOptions options, CancellationToken cancellationToken)
    {
        using var loggerFactory = LoggerFactory.Create(logging => logging
            .AddSimpleConsole(console => console.SingleLine = true)
            .AddFilter("RepoCache.Verification", LogLevel.Information)
            .AddFilter("RepoCache", LogLevel.Warning)
            .AddFilter("Microsoft", LogLevel.Warning)
            .SetMinimumLevel(LogLevel.Warning));

        VerificationReport report;
        try
        {
            report = await new VerificationHost(options, loggerFactory, Console.Out).RunAsync(cancellationToken);
        }
        catch (VerificationUsageException error)
        {
            Console.Error.WriteLine($"error: {error.Message}");
            return ExitInvalidUsage;
        }

        var failed = report.FailedChecks.ToList();
        Console.WriteLine();
        Console.WriteLine($"VerifyCaching {report.Verdict}: {report.Checks.Count - failed.Count} of {report.Checks.Count} checks passed.");
        foreach (var check in failed)
        {
            Console.WriteLine($"  {check.ToConsoleLine()}");
        }

        Console.WriteLine($"Reports: {Path.Combine(Path.GetFullPath(options.Output), ReportFiles.Html)} (also report.json, junit.xml, summary.md, runners/)");
        return report.Passed ? ExitPassed : ExitFailed;
    }
}
