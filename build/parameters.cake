// Named parameters and paths, computed once in Setup.

public sealed class BuildPaths
{
    public DirectoryPath Root { get; init; }
    public DirectoryPath Artifacts { get; init; }
    public DirectoryPath TestResults { get; init; }
    public DirectoryPath Coverage { get; init; }
    public DirectoryPath CliOutput { get; init; }
    public DirectoryPath VerifyOutput { get; init; }
    public DirectoryPath BenchOutput { get; init; }
    public FilePath Solution { get; init; }
    public FilePath CliProject { get; init; }

    /// <summary>The published <c>repocache</c> executable.</summary>
    public FilePath CliExecutable => CliOutput.CombineWithFilePath(IsRunningOnWindows() ? "repocache.exe" : "repocache");

    private static bool IsRunningOnWindows() => System.OperatingSystem.IsWindows();
}

public sealed class BuildParameters
{
    public string Target { get; init; }
    public string Configuration { get; init; }
    public BuildPaths Paths { get; init; }

    // VerifyCaching
    public int Count { get; init; }
    public int Changed { get; init; }
    public int Shards { get; init; }
    public double Threshold { get; init; }
    public FilePath Repos { get; init; }

    // Serve
    public int Port { get; init; }

    public static readonly (string Name, string Help)[] Help =
    {
        ("configuration=<name>", "Build configuration (default Release)."),
        ("count=<n>", "VerifyCaching: repositories per pass (default 100)."),
        ("changed=<n>", "VerifyCaching: repositories changed upstream before pass 2 (default 5)."),
        ("shards=<n>", "VerifyCaching: runner processes per pass (default 4)."),
        ("threshold=<ratio>", "VerifyCaching: minimum pass-2 hit rate, 0-1 (default 0.90)."),
        ("repos=<file>", "VerifyCaching: feed file (default fixtures/repos.json)."),
        ("port=<n>", "Serve: proxy port on 127.0.0.1 (default 8787)."),
    };

    // Names this build reads, plus Cake's own options, so a mistyped parameter is reported, not silently ignored.
    private static readonly HashSet<string> KnownArguments = new(StringComparer.OrdinalIgnoreCase)
    {
        "target", "configuration", "count", "changed", "shards", "threshold", "repos", "port",
        "verbosity", "v", "debug", "d", "dryrun", "noop", "whatif", "description", "showdescription",
        "tree", "showtree", "exclusive", "e", "bootstrap", "skip-bootstrap", "info", "version", "help", "h",
    };

    public static BuildParameters Create(ICakeContext context)
    {
        foreach (var name in context.Arguments.GetArguments().Keys.Where(name => !KnownArguments.Contains(name)))
        {
            context.Warning($"Unknown parameter --{name} is ignored; ./build.sh --help lists the parameters.");
        }

        // Cake runs with build/ as its working folder; the repository root is its parent.
        var root = context.MakeAbsolute(context.Directory(".."));
        var artifacts = root.Combine("artifacts");

        return new BuildParameters
        {
            Target = context.Argument("target", "Default"),
            Configuration = context.Argument("configuration", "Release"),
            Count = ParseArgument(context, "count", 100),
            Changed = ParseArgument(context, "changed", 5),
            Shards = ParseArgument(context, "shards", 4),
            Threshold = ParseArgument(context, "threshold", 0.90),
            Repos = root.CombineWithFilePath(context.Argument("repos", "fixtures/repos.json")),
            Port = ParseArgument(context, "port", 8787),
            Paths = new BuildPaths
            {
                Root = root,
                Artifacts = artifacts,
                TestResults = artifacts.Combine("test-results"),
                Coverage = artifacts.Combine("coverage"),
                CliOutput = artifacts.Combine("bin/repocache"),
                VerifyOutput = artifacts.Combine("verify-caching"),
                BenchOutput = artifacts.Combine("bench"),
                Solution = root.CombineWithFilePath("RepoCache.sln"),
                CliProject = root.CombineWithFilePath("src/RepoCache.Cli/RepoCache.Cli.csproj"),
            },
        };
    }

    private static T ParseArgument<T>(ICakeContext context, string name, T defaultValue)
    {
        try
        {
            return context.Argument(name, defaultValue);
        }
        catch (Exception error) when (error is FormatException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            var expected = typeof(T) == typeof(int) ? "a whole number" : "a number";
            throw new CakeException($"--{name}={context.Argument<string>(name, "")} is invalid: expected {expected}, such as --{name}={defaultValue}.");
        }
    }
}
