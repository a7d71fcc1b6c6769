// Clean, Restore, Build (which also publishes the CLI to artifacts/bin/repocache).

Task("Clean")
    .Description("Delete artifacts/ and every bin/ and obj/ folder.")
    .Does<BuildParameters>(p =>
    {
        CleanDirectory(p.Paths.Artifacts);
        CleanDirectories(p.Paths.Root + "/src/*/bin");
        CleanDirectories(p.Paths.Root + "/src/*/obj");
        CleanDirectories(p.Paths.Root + "/tests/*/bin");
        CleanDirectories(p.Paths.Root + "/tests/*/obj");
    });

Task("Restore")
    .Description("Restore NuGet packages of the solution.")
    .Does<BuildParameters>(p =>
    {
        DotNetRestore(p.Paths.Solution.FullPath);
    });

Task("Build")
    .Description("Build the solution and publish the repocache CLI to artifacts/bin/repocache.")
    .IsDependentOn("Restore")
    .Does<BuildParameters>(p =>
    {
        DotNetBuild(p.Paths.Solution.FullPath, new DotNetBuildSettings
        {
            Configuration = p.Configuration,
            NoRestore = true,
        });

        DotNetPublish(p.Paths.CliProject.FullPath, new DotNetPublishSettings
        {
            Configuration = p.Configuration,
            NoBuild = true,
            NoRestore = true,
            OutputDirectory = p.Paths.CliOutput,
        });

        Information("CLI published: {0}", p.Paths.CliExecutable);
    });
