using System.Diagnostics;
using CliWrap;
using Microsoft.Extensions.Logging;

namespace RepoCache.Verification.Runners;

/// <summary>
/// Starts one runner process per shard with CliWrap, drains each one's output to its own log file, and stops any
/// process still running when the pass ends, by its process id.
/// </summary>
public sealed partial class RunnerLauncher(RunnerCommand command, ILogger logger)
{
    /// <summary>Lines of runner output echoed to the host's console, such as <c>Cache check:</c>.</summary>
    public event Action<int, int, string>? CacheCheckPrinted;

    /// <summary>Runs every shard of one pass at once and returns their results in shard order.</summary>
    public async Task<IReadOnlyList<RunnerRun>> RunPassAsync(RunnerPassSettings settings, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(settings.LogFolder);
        Directory.CreateDirectory(settings.SummaryFolder);

        var runs = Enumerable.Range(1, settings.Shards).Select(shard => RunShardAsync(settings, shard, cancellationToken));
        return await Task.WhenAll(runs);
    }

    private async Task<RunnerRun> RunShardAsync(RunnerPassSettings settings, int shard, CancellationToken cancellationToken)
    {
        var logPath = Path.Combine(settings.LogFolder, $"pass{settings.Pass}-shard{shard}.log");
        var summaryPath = Path.Combine(settings.SummaryFolder, $"pass{settings.Pass}-shard{shard}.json");
        File.Delete(summaryPath);

        var arguments = Arguments(settings, shard, summaryPath);
        var output = new List<string>();
        var gate = new Lock();

        await using var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        await log.WriteLineAsync($"# {command} {string.Join(' ', arguments)}");

        void Append(string stream, string line)
        {
            lock (gate)
            {
                log.WriteLine(stream == "stdout" ? line : $"[stderr] {line}");
                if (stream == "stdout")
                {
                    output.Add(line);
                }
            }

            if (stream == "stdout" && line.Contains(CacheCheckLine.Prefix, StringComparison.Ordinal))
            {
                CacheCheckPrinted?.Invoke(settings.Pass, shard, line);
            }
        }

        var cli = Cli.Wrap(command.FileName)
            .WithArguments(command.PrefixArguments.Concat(arguments))
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.ToDelegate(line => Append("stdout", line)))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(line => Append("stderr", line)));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);

        int? processId = null;
        try
        {
            var task = cli.ExecuteAsync(timeout.Token);
            processId = task.ProcessId;
            LogStarted(logger, settings.Pass, shard, processId.Value, logPath);

            var result = await task;
            LogExited(logger, settings.Pass, shard, processId.Value, result.ExitCode);
            return Finish(shard, result.ExitCode, output, gate, logPath, summaryPath, problem: null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var problem = $"the runner for shard {shard} did not finish within {settings.Timeout.TotalSeconds:0} s and was stopped";
            LogTimedOut(logger, settings.Pass, shard, processId ?? 0, settings.Timeout.TotalSeconds);
            await log.WriteLineAsync($"# {problem}");
            return Finish(shard, -1, output, gate, logPath, summaryPath, problem);
        }
        catch (Exception error) when (error is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            var problem = $"the runner '{command}' could not be started: {error.Message}";
            LogStartFailed(logger, error, settings.Pass, shard, command.ToString());
            await log.WriteLineAsync($"# {problem}");
            return Finish(shard, -1, output, gate, logPath, summaryPath, problem);
        }
        finally
        {
            StopIfRunning(processId);
        }
    }

    private static IReadOnlyList<string> Arguments(RunnerPassSettings settings, int shard, string summaryPath)
    {
        var arguments = new List<string>
        {
            "ingest",
            "--repos", settings.FeedPath,
            "--cache-url", settings.CacheUrl.ToString().TrimEnd('/'),
            "--out", settings.DigestFolder,
            "--shard", $"{shard}/{settings.Shards}",
            "--github-url", settings.GitHubUrl.ToString().TrimEnd('/'),
            "--summary", summaryPath,
        };

        if (settings.OnCacheError is not null)
        {
            arguments.Add("--on-cache-error");
            arguments.Add(settings.OnCacheError);
        }

        arguments.AddRange(settings.ExtraArguments);

        return arguments;
    }

    private static RunnerRun Finish(int shard, int exitCode, List<string> output, Lock gate, string logPath, string summaryPath, string? problem)
    {
        RunnerSummary? summary = null;
        if (File.Exists(summaryPath))
        {
            try
            {
                summary = RunnerSummary.Read(summaryPath);
            }
            catch (InvalidDataException error)
            {
                problem ??= error.Message;
            }
        }
        else
        {
            problem ??= $"the runner for shard {shard} wrote no summary to '{summaryPath}'";
        }

        lock (gate)
        {
            return new RunnerRun(shard, exitCode, output.ToList(), logPath, summary, problem);
        }
    }

    // CliWrap kills the process on cancellation; this also covers a host that fails between start and exit.
    private void StopIfRunning(int? processId)
    {
        if (processId is not { } id)
        {
            return;
        }

        try
        {
            using var process = Process.GetProcessById(id);
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                LogStopped(logger, id);
            }
        }
        catch (ArgumentException)
        {
            // The process has already exited.
        }
        catch (InvalidOperationException)
        {
            // The process exited between the lookup and the check.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pass {Pass} shard {Shard}: runner started as process {ProcessId}, log {LogPath}")]
    private static partial void LogStarted(ILogger logger, int pass, int shard, int processId, string logPath);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pass {Pass} shard {Shard}: runner process {ProcessId} exited with code {ExitCode}")]
    private static partial void LogExited(ILogger logger, int pass, int shard, int processId, int exitCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "Pass {Pass} shard {Shard}: runner process {ProcessId} timed out after {Seconds} s and was stopped")]
    private static partial void LogTimedOut(ILogger logger, int pass, int shard, int processId, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Pass {Pass} shard {Shard}: runner {Command} could not be started")]
    private static partial void LogStartFailed(ILogger logger, Exception error, int pass, int shard, string command);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Runner process {ProcessId} was still running and was stopped")]
    private static partial void LogStopped(ILogger logger, int processId);
}
