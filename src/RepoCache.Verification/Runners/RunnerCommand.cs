namespace RepoCache.Verification.Runners;

/// <summary>How to start the runner: the program and the arguments that come before <c>ingest</c>.</summary>
/// <param name="FileName">The program to start.</param>
/// <param name="PrefixArguments">Arguments before the runner's own, such as the <c>.dll</c> path for <c>dotnet</c>.</param>
public sealed record RunnerCommand(string FileName, IReadOnlyList<string> PrefixArguments)
{
    /// <summary>
    /// Resolves <paramref name="runnerPath"/>: a <c>.dll</c> runs under <c>dotnet</c>, anything else runs directly.
    /// Null means the <c>repocache</c> next to the running host (the apphost when present, else the <c>.dll</c>).
    /// </summary>
    public static RunnerCommand Resolve(string? runnerPath)
    {
        var path = runnerPath ?? DefaultRunnerPath();
        var fullPath = Path.GetFullPath(path);

        return fullPath.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? new RunnerCommand(DotnetHost(), [fullPath])
            : new RunnerCommand(fullPath, []);
    }

    /// <summary>The command as one line, for logs and reports.</summary>
    public override string ToString() => string.Join(' ', PrefixArguments.Prepend(FileName));

    private static string DefaultRunnerPath()
    {
        var folder = AppContext.BaseDirectory;
        var apphost = Path.Combine(folder, OperatingSystem.IsWindows() ? "repocache.exe" : "repocache");
        if (File.Exists(apphost))
        {
            return apphost;
        }

        var dll = Path.Combine(folder, "repocache.dll");
        if (File.Exists(dll))
        {
            return dll;
        }

        throw new FileNotFoundException(
            $"No runner was found next to the host in '{folder}' (looked for repocache and repocache.dll). Pass --runner with its path.");
    }

    // The SDK sets DOTNET_HOST_PATH for processes it starts (tests, builds); a host started by 'dotnet' is itself the muxer.
    private static string DotnetHost()
    {
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk))
        {
            return fromSdk;
        }

        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return current;
        }

        return "dotnet";
    }
}
