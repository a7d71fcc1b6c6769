using System.Diagnostics;
using System.Threading.Channels;

namespace RepoCache.Kv.Tests.Support;

/// <summary>
/// The RepoCache.Kv.Tests.Child program running as a real separate process, with its stdout read line by line.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    // A guard against a hung child, never an expectation about speed.
    private static readonly TimeSpan LineTimeout = TimeSpan.FromSeconds(60);

    private readonly Process process;
    private readonly Channel<string> lines = Channel.CreateUnbounded<string>();
    private readonly Task<string> stderrTask;

    private ChildProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is null)
            {
                lines.Writer.TryComplete();
            }
            else
            {
                lines.Writer.TryWrite(line.Data);
            }
        };
        process.BeginOutputReadLine();
        stderrTask = process.StandardError.ReadToEndAsync();
    }

    public int Id => process.Id;

    /// <summary>Starts the child with <paramref name="arguments"/> through the dotnet host that runs the tests.</summary>
    public static ChildProcess Start(params string[] arguments)
    {
        var childDll = Path.Combine(AppContext.BaseDirectory, "RepoCache.Kv.Tests.Child.dll");
        File.Exists(childDll).ShouldBeTrue($"the child program should be built next to the tests at {childDll}");

        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(childDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return new ChildProcess(Process.Start(start) ?? throw new InvalidOperationException("The child process did not start."));
    }

    /// <summary>Reads the next stdout line, or null when the child closed stdout.</summary>
    public async Task<string?> ReadLineAsync()
    {
        using var timeout = new CancellationTokenSource(LineTimeout);
        try
        {
            return await lines.Reader.ReadAsync(timeout.Token);
        }
        catch (ChannelClosedException)
        {
            return null;
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Child process {process.Id} wrote no line within {LineTimeout}.");
        }
    }

    /// <summary>Closes the child's stdin and waits for it to exit; returns the exit code and stderr.</summary>
    public async Task<(int ExitCode, string Stderr)> CloseInputAndWaitAsync()
    {
        process.StandardInput.Close();
        return await WaitForExitAsync();
    }

    /// <summary>Waits for the child to exit; returns the exit code and stderr.</summary>
    public async Task<(int ExitCode, string Stderr)> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(LineTimeout);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stderrTask);
    }

    /// <summary>Kills the child with SIGKILL on Unix, so it gets no chance to flush or close anything, and waits for it to end.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: false);
        using var timeout = new CancellationTokenSource(LineTimeout);
        await process.WaitForExitAsync(timeout.Token);
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit();
        }

        process.Dispose();
    }

    private static string DotnetHost() =>
        Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";
}
