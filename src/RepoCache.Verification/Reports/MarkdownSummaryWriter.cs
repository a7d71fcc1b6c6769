using System.Globalization;
using System.Text;

namespace RepoCache.Verification.Reports;

/// <summary>Writes <c>summary.md</c>, short enough for a CI job summary: verdict, pass table and failed checks.</summary>
public static class MarkdownSummaryWriter
{
    /// <summary>Builds the Markdown text of the report.</summary>
    public static string ToMarkdown(VerificationReport report)
    {
        var text = new StringBuilder();
        var icon = report.Passed ? "✅" : "❌";
        var failed = report.FailedChecks.ToList();

        text.AppendLine(CultureInfo.InvariantCulture, $"## {icon} VerifyCaching {report.Verdict}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{report.Checks.Count - failed.Count} of {report.Checks.Count} checks passed. {Settings(report.Settings)}");
        if (report.Error is not null)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"**The run stopped early:** {Escape(report.Error)}");
        }

        text.AppendLine();
        text.AppendLine("| pass | repositories | hits | misses | hit rate | downloads | miss reasons |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---|");
        foreach (var pass in report.Passes)
        {
            var reasons = string.Join(", ", pass.MissReasons.Where(pair => pair.Value > 0).Select(pair => $"{pair.Key} {pair.Value}"));
            text.AppendLine(CultureInfo.InvariantCulture, $"| {pass.Number}. {Escape(pass.Title)} | {pass.Repositories} | {pass.Hits} | {pass.Misses} | {pass.HitRate:P1} | {pass.Downloads} | {(reasons.Length == 0 ? "none" : reasons)} |");
        }

        text.AppendLine();
        if (failed.Count == 0)
        {
            text.AppendLine("Every check passed.");
        }
        else
        {
            text.AppendLine("### Failed checks");
            text.AppendLine();
            text.AppendLine("| check | expected | actual | repositories |");
            text.AppendLine("|---|---|---|---|");
            foreach (var check in failed)
            {
                var repositories = string.Join(", ", check.Repositories.Take(Checks.CheckResult.MaxListedRepositories));
                if (check.Repositories.Count > Checks.CheckResult.MaxListedRepositories)
                {
                    repositories += $" and {check.Repositories.Count - Checks.CheckResult.MaxListedRepositories} more";
                }

                text.AppendLine(CultureInfo.InvariantCulture, $"| `{check.Id}` {Escape(check.Description)} | {Escape(check.Expected)} | {Escape(check.Actual)} | {Escape(repositories)} |");
            }
        }

        text.AppendLine();
        text.AppendLine("The full report is `report.html` in the same folder, with `report.json`, `junit.xml` and the runner logs in `runners/`.");
        return text.ToString();
    }

    /// <summary>Writes the Markdown summary to <paramref name="path"/>.</summary>
    public static void Write(VerificationReport report, string path) => File.WriteAllText(path, ToMarkdown(report));

    private static string Settings(ReportSettings settings) => string.Create(
        CultureInfo.InvariantCulture,
        $"Settings: count {settings.Count}, changed {settings.Changed}, shards {settings.Shards}, threshold {settings.Threshold:0.##}.");

    private static string Escape(string text) => text.Replace("|", "\\|").Replace("\n", " ");
}
