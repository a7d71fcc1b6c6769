using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using RepoCache.Cli.Bench;

namespace RepoCache.Cli.Commands;

/// <summary><c>repocache bench</c>: measures KV, proxy and runner throughput and latency side by side with Miniflare.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var defaults = new BenchOptions { OutputFolder = "", RepositoryRoot = "" };

        var output = new Option<string>("--output") { Description = "Folder for report.json and report.html.", DefaultValueFactory = _ => Path.Combine("artifacts", "bench") };
        var root = new Option<string?>("--root") { Description = "Repository root with bench/miniflare and tools/ (default: the nearest folder upwards that has RepoCache.sln, else the current folder)." };
        var rows = new Option<int>("--rows") { Description = "Rows of the generated feed used by the proxy and runner workloads.", DefaultValueFactory = _ => defaults.FeedRows };
        var keys = new Option<int>("--keys") { Description = "Keys put, read and listed by the KV workloads.", DefaultValueFactory = _ => defaults.Keys };
        var concurrency = new Option<int>("--concurrency") { Description = "Callers of the concurrent KV and single-check phases.", DefaultValueFactory = _ => defaults.Concurrency };
        var writers = new Option<int>("--writers") { Description = "Concurrent clients of the proxy write phase.", DefaultValueFactory = _ => defaults.Writers };
        var warmup = new Option<int>("--warmup") { Description = "Operations run before each timed workload and left out of the figures.", DefaultValueFactory = _ => defaults.WarmupKeys };
        var checks = new Option<int>("--checks") { Description = "Single GET /cache/... checks per phase.", DefaultValueFactory = _ => defaults.SingleChecks };
        var batchRepeats = new Option<int>("--batch-repeats") { Description = "Timed batch checks of the whole feed.", DefaultValueFactory = _ => defaults.BatchRepeats };
        var shards = new Option<int>("--shards") { Description = "Runner processes of the end-to-end pass.", DefaultValueFactory = _ => defaults.Shards };
        var archives = new Option<int>("--archives") { Description = "Generated archives digested by the pass 1 digest phase.", DefaultValueFactory = _ => defaults.Archives };
        var peerKeys = new Option<int>("--peer-keys") { Description = "Keys of the Miniflare run, which manages a few hundred operations per second.", DefaultValueFactory = _ => defaults.PeerKeys };
        var only = new Option<string[]>("--only")
        {
            Description = $"Run only these workloads, comma-separated or repeated: {string.Join(", ", BenchOptions.WorkloadIds)}.",
            AllowMultipleArgumentsPerToken = true,
        };

        var command = new Command("bench", "Measure throughput and p50/p95/p99 latency of the KV emulator, the cache proxy and the runner, side by side with Miniflare; writes report.json and report.html.");
        foreach (var option in new Option[] { output, root, rows, keys, concurrency, writers, warmup, checks, batchRepeats, shards, archives, peerKeys, only })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = new BenchOptions
            {
                OutputFolder = Path.GetFullPath(parseResult.GetValue(output)!),
                RepositoryRoot = Path.GetFullPath(parseResult.GetValue(root) ?? FindRepositoryRoot()),
                FeedRows = parseResult.GetValue(rows),
                Keys = parseResult.GetValue(keys),
                Concurrency = parseResult.GetValue(concurrency),
                Writers = parseResult.GetValue(writers),
                WarmupKeys = parseResult.GetValue(warmup),
                SingleChecks = parseResult.GetValue(checks),
                BatchRepeats = parseResult.GetValue(batchRepeats),
                Shards = parseResult.GetValue(shards),
                Archives = parseResult.GetValue(archives),
                PeerKeys = parseResult.GetValue(peerKeys),
                Only = (parseResult.GetValue(only) ?? [])
                    .SelectMany(value => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    .ToHashSet(StringComparer.Ordinal),
            };

            var commandLine = string.Join(' ', ["repocache", .. Environment.GetCommandLineArgs().Skip(1)]);
            return await RunAsync(options, commandLine, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(BenchOptions options, string commandLine, CancellationToken cancellationToken)
    {
        if (options.FindProblem() is { } problem)
        {
            Console.Error.WriteLine($"error: {problem} Run 'repocache bench --help' for every option.");
            return 2;
        }

        using var loggerFactory = LoggerFactory.Create(logging => logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        }));

        var report = await new BenchRunner(options, loggerFactory).RunAsync(commandLine, cancellationToken);
        PrintSummary(report);

        var failed = report.Workloads.Where(w => w.Status == WorkloadReport.Failed).Select(w => w.Id)
            .Concat(report.Miniflare.Status == WorkloadReport.Failed ? ["miniflare"] : [])
            .ToList();
        if (failed.Count > 0)
        {
            Console.Error.WriteLine($"error: workload {string.Join(", ", failed)} failed; report.html and report.json name the error.");
            return 1;
        }

        return 0;
    }

    private static void PrintSummary(BenchReport report)
    {
        Console.WriteLine();
        foreach (var ratio in report.Ratios)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ratio  {ratio.Workload,-8} {ratio.Operation,-5} {ratio.Mode,-10} {ratio.RepoCacheOperationsPerSecond,10:N0} / {ratio.MiniflareOperationsPerSecond,7:N0} ops/s = {ratio.Value,6:N1}x, processor time per operation {ratio.CpuRatio?.ToString("N1", CultureInfo.InvariantCulture) ?? "-"}x less"));
        }

        foreach (var goal in report.Goals)
        {
            var measured = goal.Measured is { } value ? $"{value.ToString("G4", CultureInfo.InvariantCulture)} {goal.Unit}" : "-";
            Console.WriteLine($"goal   {goal.Status,-12} {goal.Goal}: {measured} (target {goal.Target})");
        }

        foreach (var skipped in report.Workloads.Where(w => w.Status != WorkloadReport.Measured))
        {
            Console.WriteLine($"{skipped.Status,-6} {skipped.Id}: {skipped.Message}");
        }

        if (report.Miniflare.Status != WorkloadReport.Measured)
        {
            Console.WriteLine($"{report.Miniflare.Status,-6} miniflare: {report.Miniflare.Message}");
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "RepoCache.sln")))
            {
                return folder.FullName;
            }
        }

        return Environment.CurrentDirectory;
    }
}
