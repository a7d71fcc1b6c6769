namespace RepoCache.Verification.Tests;

/// <summary>Locates the repository checkout from the test assembly's folder.</summary>
internal static class RepositoryPaths
{
    /// <summary>The folder that contains <c>RepoCache.sln</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The committed fixture.</summary>
    public static string Fixture => Path.Combine(Root, "fixtures", "repos.json");

    /// <summary>The real feed sample the fixture is generated from, committed under fixtures/source.</summary>
    public static string FeedSample => Path.Combine(Root, "fixtures", "source", "xgov-repos-2022-sample.json");

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "RepoCache.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException($"RepoCache.sln was not found in {AppContext.BaseDirectory} or any parent folder; run the tests from a RepoCache checkout.");
    }
}
