namespace RepoCache.Verification.Host;

/// <summary>Where a run writes its files inside the output folder.</summary>
public sealed record VerificationLayout(string Output)
{
    /// <summary>Runner logs and summaries, kept with the reports.</summary>
    public string Runners => Path.Combine(Output, "runners");

    /// <summary>Working files of the run: the KV database, pass feeds and digests. Deleted when the next run starts.</summary>
    public string Work => Path.Combine(Output, "work");

    /// <summary>The fresh LiteDB file of the in-process KV emulator.</summary>
    public string Database => Path.Combine(Work, "kv.db");

    /// <summary>The runners' <c>--out</c> folder.</summary>
    public string Digests => Path.Combine(Work, "digests");

    /// <summary>The feed file of one pass.</summary>
    public string PassFeed(int pass) => Path.Combine(Work, $"pass{pass}-repos.json");

    /// <summary>File that marks a folder as a verification's output, so a later run may clear it.</summary>
    public const string MarkerFile = ".repocache-verification";

    /// <summary>
    /// Deletes what an earlier run left (reports, runner files, working files) and creates the folders. Refuses a
    /// folder that has other content and no <see cref="MarkerFile"/>, so a mistyped <c>--output</c> deletes nothing.
    /// </summary>
    public void Prepare()
    {
        var marker = Path.Combine(Output, MarkerFile);
        if (Directory.Exists(Output) && Directory.EnumerateFileSystemEntries(Output).Any() && !File.Exists(marker))
        {
            throw new VerificationUsageException(
                $"--output '{Output}' is not empty and was not written by an earlier verification. Choose a new or empty folder, such as artifacts/verify-caching.");
        }

        Directory.CreateDirectory(Output);
        File.WriteAllText(marker, "This folder holds the output of 'repocache verify'; the next run deletes runners/ and work/ here.\n");
        foreach (var folder in new[] { Runners, Work })
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            Directory.CreateDirectory(folder);
        }

        foreach (var report in new[] { Reports.ReportFiles.Html, Reports.ReportFiles.Json, Reports.ReportFiles.JUnit, Reports.ReportFiles.Markdown })
        {
            File.Delete(Path.Combine(Output, report));
        }
    }
}
