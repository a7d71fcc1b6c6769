using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace RepoCache.Cli.Bench;

/// <summary>
/// The peer run: Miniflare's KV binding doing the KV workload from a Node script. The pinned Miniflare is installed
/// with <c>npm ci</c> into the git-ignored <c>tools/miniflare</c>. The step is skipped when Node.js or npm is missing.
/// </summary>
internal sealed class MiniflarePeer
{
    private static readonly string[] ScriptFiles = ["package.json", "package-lock.json", "kv-workload.mjs"];

    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Installs Miniflare when needed, runs the script and returns its figures.</summary>
    public async Task<PeerReport> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var logger = context.CreateLogger("miniflare");
        var node = ExecutableSearch.Find("node");
        var npm = ExecutableSearch.Find("npm");
        if (node is null || npm is null)
        {
            var missing = node is null ? "Node.js ('node')" : "npm";
            logger.LogWarning("Skipping the Miniflare peer: {Missing} is not on PATH", missing);
            return PeerReport.NotRun(WorkloadReport.Skipped, $"{missing} is not on PATH, so the Miniflare peer was skipped. Install Node.js 18 or later with npm to measure it.");
        }

        var sourceFolder = Path.Combine(context.Options.RepositoryRoot, "bench", "miniflare");
        var toolsFolder = Path.Combine(context.Options.RepositoryRoot, "tools", "miniflare");
        if (!File.Exists(Path.Combine(sourceFolder, "kv-workload.mjs")))
        {
            return PeerReport.NotRun(WorkloadReport.Failed, $"{sourceFolder} has no kv-workload.mjs; run the benchmark from the repository root or pass --root.");
        }

        var install = await InstallAsync(npm, sourceFolder, toolsFolder, logger);
        if (install is not null)
        {
            return install;
        }

        var keysFile = Path.Combine(context.WorkFolder, "miniflare-keys.tsv");
        await context.Dataset.WriteEntriesAsync(keysFile, context.Options.PeerKeys, cancellationToken);

        string[] arguments =
        [
            Path.Combine(toolsFolder, "kv-workload.mjs"),
            "--keys-file", keysFile,
            "--keys", context.Options.PeerKeys.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--concurrency", context.Options.Concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--warmup", Math.Min(context.Options.WarmupKeys, context.Options.PeerKeys).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--persist", Path.Combine(context.WorkFolder, "miniflare-data"),
        ];

        // Miniflare downloads cf.json from Cloudflare at start unless this variable is false. The script also passes cf: false.
        var environment = new Dictionary<string, string> { ["CLOUDFLARE_CF_FETCH_ENABLED"] = "false" };
        var run = await ChildProcess.RunAsync(node, arguments, RunTimeout, logger, toolsFolder, environment);
        if (run.ExitCode != 0)
        {
            logger.LogError("The Miniflare script exited with {ExitCode}: {Error}", run.ExitCode, run.StandardError);
            return PeerReport.NotRun(WorkloadReport.Failed, $"The Miniflare script exited with {run.ExitCode}: {Tail(run.StandardError)}");
        }

        return Parse(run.StandardOutput);
    }

    // npm ci reinstalls only when the lock file in tools/ differs from the committed one or Miniflare is missing.
    private static async Task<PeerReport?> InstallAsync(string npm, string sourceFolder, string toolsFolder, ILogger logger)
    {
        Directory.CreateDirectory(toolsFolder);
        var lockChanged = !File.Exists(Path.Combine(toolsFolder, "package-lock.json"))
            || !File.ReadAllBytes(Path.Combine(toolsFolder, "package-lock.json")).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(sourceFolder, "package-lock.json")));
        foreach (var file in ScriptFiles)
        {
            File.Copy(Path.Combine(sourceFolder, file), Path.Combine(toolsFolder, file), overwrite: true);
        }

        if (!lockChanged && File.Exists(Path.Combine(toolsFolder, "node_modules", "miniflare", "package.json")))
        {
            logger.LogInformation("Miniflare is already installed in {Folder}", toolsFolder);
            return null;
        }

        var install = await ChildProcess.RunAsync(npm, ["ci", "--prefix", toolsFolder, "--no-audit", "--no-fund"], InstallTimeout, logger, toolsFolder);
        if (install.ExitCode != 0)
        {
            logger.LogError("npm ci exited with {ExitCode}: {Error}", install.ExitCode, install.StandardError);
            return PeerReport.NotRun(WorkloadReport.Failed, $"'npm ci' in {toolsFolder} exited with {install.ExitCode}: {Tail(install.StandardError)}");
        }

        return null;
    }

    private static PeerReport Parse(string output)
    {
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        var measurements = root.GetProperty("results").EnumerateArray().Select(result =>
        {
            var operations = result.GetProperty("operations").GetInt32();
            var items = result.GetProperty("items").GetInt64();
            var seconds = result.GetProperty("seconds").GetDouble();
            return new Measurement(
                result.GetProperty("operation").GetString()!,
                result.GetProperty("mode").GetString()!,
                result.GetProperty("callers").GetInt32(),
                operations,
                items,
                seconds,
                operations / seconds,
                items / seconds,
                result.GetProperty("p50Ms").GetDouble(),
                result.GetProperty("p95Ms").GetDouble(),
                result.GetProperty("p99Ms").GetDouble(),
                result.GetProperty("maxMs").GetDouble(),
                result.TryGetProperty("cpuSeconds", out var cpu) && cpu.ValueKind == JsonValueKind.Number ? cpu.GetDouble() : null);
        }).ToList();

        return new PeerReport(
            WorkloadReport.Measured,
            null,
            root.GetProperty("miniflareVersion").GetString(),
            root.GetProperty("nodeVersion").GetString(),
            root.GetProperty("keys").GetInt32(),
            root.GetProperty("storage").GetString(),
            measurements);
    }

    private static string Tail(string text) => text.Length <= 2_000 ? text.Trim() : "..." + text[^2_000..].Trim();
}
