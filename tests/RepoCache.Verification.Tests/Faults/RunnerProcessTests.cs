using System.Diagnostics;
using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using RepoCache.Verification.Tests.Support;

namespace RepoCache.Verification.Tests.Faults;

/// <summary>Runner processes that hang or cannot start must fail the run, and none may be left running.</summary>
public sealed partial class RunnerProcessTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("repocache-runner-").FullName;

    // The hanging runner is a shell script, so the test needs a Unix-like system.
    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task Hanging_runner_is_stopped_by_timeout()
    {
        var script = Path.Combine(_folder, "hanging-runner.sh");
        File.WriteAllText(script, "#!/bin/sh\nexec sleep 300\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        using var run = await VerifyRun.StartAsync(["--count", "4", "--changed", "1", "--shards", "1", "--runner", script, "--runner-timeout", "2"]);

        run.ExitCode.ShouldBe(1, run.Output);
        run.FailedChecks().ShouldContain("pass1.runner-exit-codes");
        run.Output.ShouldContain("did not finish within 2 s and was stopped");

        var processIds = StartedProcess().Matches(run.Output).Select(match => int.Parse(match.Groups["id"].Value)).ToList();
        processIds.Count.ShouldBe(3);
        foreach (var id in processIds)
        {
            IsRunning(id).ShouldBeFalse($"runner process {id} is still running");
        }
    }

    [Fact]
    public async Task Runner_that_cannot_start_fails_exit_codes()
    {
        var notExecutable = Path.Combine(_folder, "not-a-program.txt");
        File.WriteAllText(notExecutable, "plain text");

        using var run = await VerifyRun.StartAsync(["--count", "4", "--changed", "1", "--shards", "1", "--runner", notExecutable]);

        run.ExitCode.ShouldBe(1, run.Output);
        run.FailedChecks().ShouldContain("pass1.runner-exit-codes");
        run.Output.ShouldContain("could not be started");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"runner started as process (?<id>\d+)")]
    private static partial Regex StartedProcess();
}
