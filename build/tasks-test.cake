// Test (TRX and Cobertura per test project, then the summary line) and Coverage (ReportGenerator).
using System.Xml.Linq;

Task("Test")
    .Description("Run every test project; TRX and Cobertura coverage land in artifacts/test-results/.")
    .IsDependentOn("Build")
    .Does<BuildParameters>(p =>
    {
        CleanDirectory(p.Paths.TestResults);

        var failedProjects = new List<string>();
        foreach (var project in GetFiles(p.Paths.Root + "/tests/*/*.Tests.csproj").OrderBy(f => f.FullPath))
        {
            var name = project.GetFilenameWithoutExtension().ToString();
            try
            {
                DotNetTest(project.FullPath, new DotNetTestSettings
                {
                    Configuration = p.Configuration,
                    NoBuild = true,
                    NoRestore = true,
                    ResultsDirectory = p.Paths.TestResults.Combine(name),
                    Loggers = { $"trx;LogFileName={name}.trx", "console;verbosity=normal" },
                    Collectors = { "XPlat Code Coverage" },
                });
            }
            catch (Exception error)
            {
                Error("{0} failed: {1}", name, error.Message);
                failedProjects.Add(name);
            }
        }

        var (passed, failed) = CountTrxResults(GetFiles(p.Paths.TestResults + "/**/*.trx"));
        // Plain text, without Cake's colouring, so scripts can match the line.
        Console.WriteLine($"tests: {passed} passed, {failed} failed");

        if (failedProjects.Count > 0 || failed > 0)
        {
            throw new CakeException($"Tests failed in: {string.Join(", ", failedProjects)}. See artifacts/test-results/ for TRX files.");
        }

        if (passed == 0)
        {
            throw new CakeException("No test ran. Check that the test projects build and contain tests.");
        }
    });

Task("Coverage")
    .Description("Write the ReportGenerator HTML report and a text summary to artifacts/coverage/.")
    .IsDependentOn("Test")
    .Does<BuildParameters>(p =>
    {
        var reports = GetFiles(p.Paths.TestResults + "/**/coverage.cobertura.xml");
        if (reports.Count == 0)
        {
            throw new CakeException("No coverage.cobertura.xml under artifacts/test-results/. Run the Test target first.");
        }

        CleanDirectory(p.Paths.Coverage);
        var exitCode = StartProcess("dotnet", new ProcessSettings
        {
            Arguments = new ProcessArgumentBuilder()
                .Append("reportgenerator")
                .Append($"-reports:{string.Join(';', reports.Select(r => r.FullPath))}")
                .Append($"-targetdir:{p.Paths.Coverage.FullPath}")
                .Append("-reporttypes:Html;TextSummary")
                .Append("-assemblyfilters:+RepoCache.*;-*.Tests"),
        });

        if (exitCode != 0)
        {
            throw new CakeException($"reportgenerator exited with code {exitCode}.");
        }

        Information(System.IO.File.ReadAllText(p.Paths.Coverage.CombineWithFilePath("Summary.txt").FullPath));
        Information("Coverage report: {0}", p.Paths.Coverage.CombineWithFilePath("index.html"));
    });

(int Passed, int Failed) CountTrxResults(IEnumerable<FilePath> trxFiles)
{
    XNamespace trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
    int passed = 0, failed = 0;
    foreach (var file in trxFiles)
    {
        var counters = XDocument.Load(file.FullPath).Descendants(trx + "Counters").FirstOrDefault();
        if (counters is null)
        {
            continue;
        }

        passed += (int?)counters.Attribute("passed") ?? 0;
        failed += ((int?)counters.Attribute("failed") ?? 0) + ((int?)counters.Attribute("error") ?? 0) + ((int?)counters.Attribute("timeout") ?? 0);
    }

    return (passed, failed);
}
