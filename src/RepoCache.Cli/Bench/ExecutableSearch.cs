namespace RepoCache.Cli.Bench;

/// <summary>Finds programs on <c>PATH</c>.</summary>
internal static class ExecutableSearch
{
    /// <summary>Returns the full path of <paramref name="name"/> in the first <c>PATH</c> folder that has it, or null.</summary>
    public static string? Find(string name)
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        string[] candidates = OperatingSystem.IsWindows() ? [$"{name}.exe", $"{name}.cmd"] : [name];

        return folders
            .SelectMany(folder => candidates.Select(candidate => Path.Combine(folder, candidate)))
            .FirstOrDefault(File.Exists);
    }
}
