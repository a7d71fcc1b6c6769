using System.Diagnostics;
using System.Text.Json;

// Runs the real runner named by REPOCACHE_REAL_RUNNER (a repocache.dll) with the same arguments, then downloads the
// tarball of every repository its summary reports as a cache hit: the fault the verification must catch.
var realRunner = Environment.GetEnvironmentVariable("REPOCACHE_REAL_RUNNER");
if (string.IsNullOrEmpty(realRunner) || !File.Exists(realRunner))
{
    Console.Error.WriteLine($"error: REPOCACHE_REAL_RUNNER must name the real repocache.dll; it is '{realRunner}'.");
    return 1;
}

var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
{
    RedirectStandardOutput = true,
    RedirectStandardError = true,
};
start.ArgumentList.Add(realRunner);
foreach (var argument in args)
{
    start.ArgumentList.Add(argument);
}

using var process = Process.Start(start)!;
process.OutputDataReceived += (_, line) => { if (line.Data is not null) Console.WriteLine(line.Data); };
process.ErrorDataReceived += (_, line) => { if (line.Data is not null) Console.Error.WriteLine(line.Data); };
process.BeginOutputReadLine();
process.BeginErrorReadLine();
await process.WaitForExitAsync();

var summaryPath = ValueOf("--summary");
var gitHubUrl = ValueOf("--github-url");
if (summaryPath is null || gitHubUrl is null || !File.Exists(summaryPath))
{
    return process.ExitCode;
}

using var summary = JsonDocument.Parse(File.ReadAllBytes(summaryPath));
using var http = new HttpClient();
foreach (var repository in summary.RootElement.GetProperty("repositories").EnumerateArray())
{
    if (repository.GetProperty("outcome").GetString() != "hit")
    {
        continue;
    }

    var owner = repository.GetProperty("owner").GetString();
    var name = repository.GetProperty("name").GetString();
    var bytes = await http.GetByteArrayAsync($"{gitHubUrl.TrimEnd('/')}/repos/{owner}/{name}/tarball");
    Console.WriteLine($"Downloaded {owner}/{name} again although it was a hit ({bytes.Length} bytes).");
}

return process.ExitCode;

string? ValueOf(string option)
{
    var index = Array.IndexOf(args, option);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
