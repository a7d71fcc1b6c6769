// VerifyCaching, Benchmark and Serve: each runs the published repocache CLI.

Task("VerifyCaching")
    .Description("Two-pass cache verification over real feed rows; reports in artifacts/verify-caching/.")
    .IsDependentOn("Build")
    .Does<BuildParameters>(p =>
    {
        var arguments = new ProcessArgumentBuilder()
            .Append("verify")
            .Append("--count").Append(p.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Append("--changed").Append(p.Changed.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Append("--shards").Append(p.Shards.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Append("--threshold").Append(p.Threshold.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Append("--repos").AppendQuoted(p.Repos.FullPath)
            .Append("--output").AppendQuoted(p.Paths.VerifyOutput.FullPath);

        Information("{0} {1}", p.Paths.CliExecutable, arguments.Render());
        var exitCode = StartProcess(p.Paths.CliExecutable, new ProcessSettings
        {
            Arguments = arguments,
            WorkingDirectory = p.Paths.Root,
        });

        // 'repocache verify' exits 1 when a check failed and 2 when its options or feed are invalid; only
        // the first writes new reports.
        if (exitCode == 1)
        {
            throw new CakeException($"VerifyCaching failed: 'repocache verify' exited with code 1. The failed checks are listed above and in {p.Paths.VerifyOutput.CombineWithFilePath("summary.md")}; the full report is {p.Paths.VerifyOutput.CombineWithFilePath("report.html")}.");
        }

        if (exitCode != 0)
        {
            throw new CakeException($"VerifyCaching did not run: 'repocache verify' exited with code {exitCode} before any check, so no report was written. Its error is printed above; fix the parameter it names (see ./build.sh --help).");
        }
    });

Task("Benchmark")
    .Description("Measure KV, proxy and runner throughput side by side with Miniflare; reports in artifacts/bench/.")
    .IsDependentOn("Build")
    .Does<BuildParameters>(p =>
    {
        // Figures only: nothing here compares a duration with a limit. The run takes a few minutes; when Node.js
        // or npm is missing, the Miniflare step is skipped and the report says so.
        var arguments = new ProcessArgumentBuilder()
            .Append("bench")
            .Append("--output")
            .AppendQuoted(p.Paths.BenchOutput.FullPath)
            .Append("--root")
            .AppendQuoted(p.Paths.Root.FullPath);

        Information("Running {0} {1}", p.Paths.CliExecutable, arguments.Render());
        var exitCode = StartProcess(p.Paths.CliExecutable, new ProcessSettings
        {
            Arguments = arguments,
            WorkingDirectory = p.Paths.Root,
        });

        if (exitCode != 0)
        {
            throw new CakeException($"Benchmark failed: 'repocache bench' exited with code {exitCode}; the failed workload and its error are printed above and in {p.Paths.BenchOutput}/report.html.");
        }

        Information("Benchmark reports: {0}/report.html and report.json", p.Paths.BenchOutput);
    });

Task("Serve")
    .Description("Run the cache proxy with the embedded KV emulator on 127.0.0.1 (--port, default 8787).")
    .IsDependentOn("Build")
    .Does<BuildParameters>(p =>
    {
        // Runs in the foreground until Ctrl+C; the KV data file is .repocache/kv.db under the repository root.
        var arguments = new ProcessArgumentBuilder()
            .Append("serve")
            .Append("--port")
            .Append(p.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Information("Running {0} {1}", p.Paths.CliExecutable, arguments.Render());
        var exitCode = StartProcess(p.Paths.CliExecutable, new ProcessSettings
        {
            Arguments = arguments,
            WorkingDirectory = p.Paths.Root,
        });

        if (exitCode != 0)
        {
            throw new CakeException($"Serve failed: 'repocache serve --port {p.Port}' exited with code {exitCode}; its error is printed above.");
        }
    });
