// RepoCache build. Every piece of real logic lives in src/ as tested C#; this script only wires targets.
#load "parameters.cake"
#load "tasks-build.cake"
#load "tasks-test.cake"
#load "tasks-verify.cake"

Setup<BuildParameters>(context =>
{
    var parameters = BuildParameters.Create(context);
    Information($"RepoCache build: target={parameters.Target} configuration={parameters.Configuration} root={parameters.Paths.Root} artifacts={parameters.Paths.Artifacts}");
    return parameters;
});

Task("CI")
    .Description("Everything CI runs: Test, Coverage, VerifyCaching.")
    .IsDependentOn("Test")
    .IsDependentOn("Coverage")
    .IsDependentOn("VerifyCaching");

Task("Default")
    .Description("Same as Test.")
    .IsDependentOn("Test");

Task("Help")
    .Description("List the targets and parameters.")
    .Does(() =>
    {
        Information("Usage: ./build.sh [Target] [--parameter=value ...]");
        Information("");
        Information("Targets:");
        foreach (var task in Tasks.OrderBy(t => t.Name))
        {
            Information($"  {task.Name,-14} {task.Description}");
        }

        Information("");
        Information("Parameters:");
        foreach (var (name, help) in BuildParameters.Help)
        {
            Information($"  --{name,-22} {help}");
        }
    });

RunTarget(Argument("target", "Default"));
