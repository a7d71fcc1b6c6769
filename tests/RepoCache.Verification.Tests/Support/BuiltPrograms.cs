using System.Reflection;

namespace RepoCache.Verification.Tests.Support;

/// <summary>Paths of the programs this test project builds: the repocache CLI and the planted faulty runner.</summary>
internal static class BuiltPrograms
{
    private static readonly string Configuration =
        typeof(BuiltPrograms).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>The built <c>repocache.dll</c>.</summary>
    public static string Cli => Existing(Path.Combine(RepositoryPaths.Root, "src", "RepoCache.Cli", "bin", Configuration, "net10.0", "repocache.dll"));

    /// <summary>
    /// The built faulty runner, which downloads tarballs even for hits. A solution build compiles it in its default
    /// configuration, because it is not part of the solution, so the newest build of any configuration is used.
    /// </summary>
    public static string FaultyRunner
    {
        get
        {
            var bin = Path.Combine(RepositoryPaths.Root, "tests", "RepoCache.Verification.Tests", "FaultyRunner", "bin");
            var builds = Directory.Exists(bin)
                ? Directory.GetFiles(bin, "RepoCache.Verification.FaultyRunner.dll", SearchOption.AllDirectories)
                : [];
            var newest = builds.OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault();
            return Existing(newest ?? Path.Combine(bin, Configuration, "net10.0", "RepoCache.Verification.FaultyRunner.dll"));
        }
    }

    private static string Existing(string path) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"{path} was not found; build the test project first (dotnet build tests/RepoCache.Verification.Tests).", path);
}
