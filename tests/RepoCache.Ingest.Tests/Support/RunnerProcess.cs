using System.Diagnostics;
using System.Text;
using CliWrap;

namespace RepoCache.Ingest.Tests.Support;

/// <summary>Starts the built <c>repocache</c> CLI as a real process with <c>dotnet repocache.dll</c> and collects its output.</summary>
public static class RunnerProcess
{
    /// <summary>The signal Ctrl+C sends.</summary>
    public const int SigInt = 2;

    /// <summary>The signal a service manager sends to stop a process.</summary>
    public const int SigTerm = 15;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public static Task<RunnerResult> IngestAsync(params string[] arguments) => IngestAsync(arguments, interruptAfter: null);

    /// <summary>Runs <c>repocache ingest</c>; with <paramref name="interruptAfter"/>, sends <paramref name="signal"/> once a stdout line starts with it.</summary>
    public static async Task<RunnerResult> IngestAsync(string[] arguments, string? interruptAfter, int signal = SigInt)
    {
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        using var timeout = new CancellationTokenSource(Timeout);
        var processId = 0;
        var interrupted = 0;

        var watchStdout = PipeTarget.ToDelegate(line =>
        {
            if (interruptAfter is not null && line.StartsWith(interruptAfter, StringComparison.Ordinal) && Interlocked.Exchange(ref interrupted, 1) == 0)
            {
                SendSignal(processId, signal);
            }
        });

        var command = Cli.Wrap("dotnet")
            .WithArguments([CliPath(), "ingest", .. arguments])
            .WithEnvironmentVariables(environment => environment.Set("GITHUB_TOKEN", null).Set("REPOCACHE_TOKEN", null))
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.Merge(PipeTarget.ToStringBuilder(stdout), watchStdout))
            .WithStandardErrorPipe(PipeTarget.ToStringBuilder(stderr));

        var task = command.ExecuteAsync(timeout.Token);
        processId = task.ProcessId;
        var finished = false;
        try
        {
            var result = await task;
            finished = true;
            return new RunnerResult(result.ExitCode, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            if (!finished)
            {
                KillIfRunning(processId);
            }
        }
    }

    /// <summary>Returns the path of <c>repocache.dll</c> built next to this test assembly's configuration.</summary>
    public static string CliPath()
    {
        // The test assembly sits in tests/RepoCache.Ingest.Tests/bin/{Configuration}/{Framework}/.
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testBin.Name;
        var configuration = testBin.Parent!.Name;
        var root = testBin.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(root, "src", "RepoCache.Cli", "bin", configuration, framework, "repocache.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"The CLI was not built at {path}; build tests/RepoCache.Ingest.Tests, which builds it.", path);
    }

    // .NET has no managed call that sends SIGINT or SIGTERM, so libc's kill is used (Linux and macOS only).
    private static void SendSignal(int processId, int signal)
    {
        if (kill(processId, signal) != 0)
        {
            throw new InvalidOperationException($"Signal {signal} could not be sent to process {processId}.");
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);

    private static void KillIfRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            process.Kill(entireProcessTree: true);
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            // The process has already exited.
        }
    }
}

/// <summary>Exit code and output of one runner process.</summary>
public sealed record RunnerResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit code {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}
