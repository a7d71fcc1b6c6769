using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace RepoCache.Cli.Bench;

/// <summary>Starts a child process, collects its output and samples its peak resident set size until it exits.</summary>
internal sealed class ChildProcess
{
    private static readonly TimeSpan RssPollInterval = TimeSpan.FromMilliseconds(20);

    private readonly Process process;
    private readonly Task<string> standardOutput;
    private readonly Task<string> standardError;
    private readonly long started;

    private ChildProcess(Process process)
    {
        this.process = process;
        started = Stopwatch.GetTimestamp();
        standardOutput = process.StandardOutput.ReadToEndAsync();
        standardError = process.StandardError.ReadToEndAsync();
    }

    /// <summary>Starts <paramref name="fileName"/> with <paramref name="arguments"/>; extra environment variables are added to this process's.</summary>
    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, ILogger logger, string? workingFolder = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingFolder ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        logger.LogInformation("Starting {FileName} {Arguments}", fileName, string.Join(' ', startInfo.ArgumentList));
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Starting '{fileName}' returned no process.");
        process.StandardInput.Close();
        return new ChildProcess(process);
    }

    /// <summary>Runs a process to its end; see <see cref="Start"/> and <see cref="WaitAsync"/>.</summary>
    public static Task<ChildProcessResult> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout, ILogger logger, string? workingFolder = null, IReadOnlyDictionary<string, string>? environment = null) =>
        Start(fileName, arguments, logger, workingFolder, environment).WaitAsync(timeout);

    /// <summary>
    /// Waits for the process to exit, polling its peak RSS. After <paramref name="timeout"/> the process and its
    /// children are killed and <see cref="TimeoutException"/> is thrown.
    /// </summary>
    public async Task<ChildProcessResult> WaitAsync(TimeSpan timeout)
    {
        long? peakRss = null;
        var exited = process.WaitForExitAsync();

        while (!exited.IsCompleted)
        {
            peakRss = Max(peakRss, ReadPeakRss());
            if (Stopwatch.GetElapsedTime(started) > timeout)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"'{process.StartInfo.FileName}' (process {process.Id}) ran longer than {timeout.TotalSeconds:N0} s and was stopped.");
            }

            await Task.WhenAny(exited, Task.Delay(RssPollInterval));
        }

        await exited;
        var elapsed = Stopwatch.GetElapsedTime(started);
        return new ChildProcessResult(process.ExitCode, await standardOutput, await standardError, elapsed, peakRss);
    }

    // VmHWM in /proc/{pid}/status is the kernel's high-water mark of the resident set, so sampling it late
    // still catches earlier peaks; only growth in the last poll interval before exit can be missed.
    private long? ReadPeakRss()
    {
        try
        {
            process.Refresh();
            return process.HasExited ? null : process.PeakWorkingSet64;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static long? Max(long? current, long? sample)
    {
        if (sample is null || current is null)
        {
            return sample ?? current;
        }

        return Math.Max(current.Value, sample.Value);
    }
}
