using System.Reflection;

namespace RepoCache.Verification.Tests.Support;

/// <summary>Paths of the programs this test project builds: the repocache CLI and the planted faulty runner.</summary>
internal static class BuiltPrograms
{
    private static readonly string Configuration =
        typeof(BuiltPrograms).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>The built <c>repocache.dll</c>.</summary>
    public static string Cli => Existing(Path.Combine(RepositoryPaths.Root, "src", "RepoCache.Cli", "bin", Configuration, "net10.0", "repocache.dll"));

    /// <summary>The built faulty runner, which downloads tarballs even for hits.</summary>
    public static string FaultyRunner => Existing(Path.Combine(
        RepositoryPaths.Root, "tests", "RepoCache.Verification.Tests", "FaultyRunner", "bin", Configuration, "net10.0", "RepoCache.Verification.FaultyRunner.dll"));

    private static string Existing(string path) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"{path} was not found; build the test project first (dotnet build tests/RepoCache.Verification.Tests).", path);
}
