using System.Text;
using System.Text.Json;
using CliWrap;
using CliWrap.Buffered;

namespace RepoCache.Verification.Tests.Support;

/// <summary>One <c>repocache verify</c> run as a real process, with small settings that keep it short; disposing it deletes its output.</summary>
internal sealed record VerifyRun(int ExitCode, string Output, string OutputFolder) : IDisposable
{
    /// <summary>The settings every end-to-end test starts from: 10 repositories, 2 changed, 2 shards.</summary>
    public static readonly string[] SmallRun = ["--count", "10", "--changed", "2", "--shards", "2", "--threshold", "0.80"];

    /// <summary>The run's <c>report.json</c>.</summary>
    public JsonDocument ReadReport() => JsonDocument.Parse(File.ReadAllBytes(Path.Combine(OutputFolder, "report.json")));

    /// <summary>Ids of the checks that failed, from <c>report.json</c>.</summary>
    public IReadOnlyList<string> FailedChecks()
    {
        using var report = ReadReport();
        return report.RootElement.GetProperty("checks").EnumerateArray()
            .Where(check => !check.GetProperty("passed").GetBoolean())
            .Select(check => check.GetProperty("id").GetString()!)
            .ToList();
    }

    /// <summary>Starts <c>dotnet repocache.dll verify</c> with <paramref name="arguments"/> and waits at most three minutes.</summary>
    public static async Task<VerifyRun> StartAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var output = Path.Combine(Path.GetTempPath(), $"repocache-verify-{Guid.NewGuid():N}");
        var given = arguments.ToList();
        var defaults = given.Contains("--repos") ? new List<string>() : ["--repos", RepositoryPaths.Fixture];
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        var result = await Cli.Wrap(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            .WithArguments(new[] { BuiltPrograms.Cli, "verify", "--output", output }.Concat(defaults).Concat(given))
            .WithWorkingDirectory(RepositoryPaths.Root)
            .WithEnvironmentVariables(environment ?? new Dictionary<string, string?>())
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(Encoding.UTF8, timeout.Token);

        return new VerifyRun(result.ExitCode, result.StandardOutput + result.StandardError, output);
    }

    public void Dispose()
    {
        if (Directory.Exists(OutputFolder))
        {
            Directory.Delete(OutputFolder, recursive: true);
        }
    }
}
