using System.Globalization;
using System.Net;
using System.Text;
using RepoCache.Verification.Checks;

namespace RepoCache.Verification.Reports;

/// <summary>
/// Writes <c>report.html</c>: one self-contained page (inline CSS and SVG, no scripts, no external resources)
/// with the verdict first, then passes, charts, miss reasons, checks and repositories.
/// </summary>
public static class HtmlReportWriter
{
    /// <summary>The original per-check latency target, in milliseconds.</summary>
    public const double CheckTargetMs = 100;

    /// <summary>The original per-write latency target, in milliseconds.</summary>
    public const double WriteTargetMs = 200;

    private const string Styles = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px auto;max-width:1100px;color:#1b1b1b;padding:0 16px}
        h1{margin:0 0 4px}h2{margin-top:32px;border-bottom:1px solid #ddd;padding-bottom:4px}
        .verdict{padding:16px 20px;border-radius:6px;color:#fff;margin:12px 0}
        .verdict.passed{background:#2e7d32}.verdict.failed{background:#c62828}
        .verdict strong{font-size:28px;display:block}
        table{border-collapse:collapse;width:100%;margin:8px 0;font-size:14px}
        th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
        th{background:#f4f4f4}td.num{text-align:right;font-variant-numeric:tabular-nums}
        tr.fail td{background:#fdecea}.ok{color:#2e7d32;font-weight:bold}.bad{color:#c62828;font-weight:bold}
        .muted{color:#666;font-size:13px}code{font-size:13px}
        .charts{display:flex;flex-wrap:wrap;gap:24px}
        details{margin:8px 0}.wide{overflow-x:auto}td code{white-space:nowrap}tr.changed td{background:#fff8e1}.nowrap{white-space:nowrap}
        figure{margin:0}figure h3{margin:8px 0}
        """;

    /// <summary>Builds the HTML page of the report.</summary>
    public static string ToHtml(VerificationReport report)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append("<title>VerifyCaching ").Append(report.Verdict).Append("</title>");
        html.Append("<style>").Append(Styles).Append("</style></head><body>");

        AppendVerdict(html, report);
        AppendPasses(html, report);
        AppendCharts(html, report);
        AppendMissReasons(html, report);
        AppendChecks(html, report);
        AppendRunners(html, report);
        AppendRepositories(html, report);

        html.Append("</body></html>\n");
        return html.ToString();
    }

    /// <summary>Writes the HTML page to <paramref name="path"/>.</summary>
    public static void Write(VerificationReport report, string path) => File.WriteAllText(path, ToHtml(report));

    private static void AppendVerdict(StringBuilder html, VerificationReport report)
    {
        var failed = report.FailedChecks.ToList();
        var css = report.Passed ? "passed" : "failed";

        html.Append("<h1>RepoCache cache verification</h1>");
        html.Append("<div id=\"verdict\" class=\"verdict ").Append(css).Append("\"><strong>VerifyCaching ")
            .Append(report.Verdict).Append("</strong>")
            .Append(Encode(Invariant($"{report.Checks.Count - failed.Count} of {report.Checks.Count} checks passed")))
            .Append("</div>");

        var settings = report.Settings;
        html.Append("<p class=\"muted\">")
            .Append(Encode(Invariant($"Started {report.StartedAt:yyyy-MM-dd HH:mm:ss}Z, took {(report.FinishedAt - report.StartedAt).TotalSeconds:0.0} s. ")))
            .Append(Encode(Invariant($"count {settings.Count}, changed {settings.Changed}, shards {settings.Shards}, threshold {settings.Threshold:0.##}, feed {settings.Repos}, ")))
            .Append(Encode(settings.ExternalProxy ? $"external proxy {settings.ProxyUrl}" : $"in-process proxy {settings.ProxyUrl}"))
            .Append(Encode(settings.OnCacheError is null ? string.Empty : $", runners with --on-cache-error {settings.OnCacheError}"))
            .Append(Encode($", runner {settings.Runner}."))
            .Append("</p>");

        if (report.Error is not null)
        {
            html.Append("<p class=\"bad\">The run stopped early: ").Append(Encode(report.Error)).Append("</p>");
        }

        if (failed.Count > 0)
        {
            html.Append("<h2>Failed checks</h2>");
            AppendCheckTable(html, failed);
        }
    }

    private static void AppendPasses(StringBuilder html, VerificationReport report)
    {
        html.Append("<h2>Passes</h2>");
        foreach (var pass in report.Passes)
        {
            html.Append("<h3>Pass ").Append(pass.Number).Append(": ").Append(Encode(pass.Title)).Append("</h3>");
            html.Append("<table><tr><th>repositories</th><th>hits</th><th>misses</th><th>hit rate</th><th>tarball downloads</th><th>check p50 / p95 / p99</th><th>write p50 / p95 / p99</th><th>wall time</th></tr><tr>");
            Cell(html, pass.Repositories);
            Cell(html, pass.Hits);
            Cell(html, pass.Misses);
            html.Append("<td class=\"num\">").Append(Encode(pass.HitRate.ToString("P1", CultureInfo.InvariantCulture))).Append("</td>");
            Cell(html, pass.Downloads);
            html.Append("<td>").Append(Encode(Percentiles(pass.CheckLatency))).Append("</td>");
            html.Append("<td>").Append(Encode(Percentiles(pass.WriteLatency))).Append("</td>");
            html.Append("<td class=\"num\">").Append(Encode(Invariant($"{pass.WallSeconds:0.0} s"))).Append("</td>");
            html.Append("</tr></table>");

            var checks = report.Checks.Where(check => check.Pass == pass.Number).ToList();
            if (checks.Count > 0)
            {
                AppendCheckTable(html, checks);
            }
        }
    }

    private static void AppendCharts(StringBuilder html, VerificationReport report)
    {
        html.Append("<h2>Charts</h2><div class=\"charts\">");
        html.Append("<figure><h3>Hit rate</h3>").Append(SvgCharts.HitRates(report.Passes, report.Settings.Threshold))
            .Append("<figcaption class=\"muted\">Hit rate per pass; the dashed line is the pass-2 threshold.</figcaption></figure>");

        var checkSeries = report.Passes.Select(pass => ($"pass {pass.Number}", pass.CheckLatency)).ToList();
        var writeSeries = report.Passes.Select(pass => ($"pass {pass.Number}", pass.WriteLatency)).ToList();
        html.Append("<figure><h3>Cache check latency</h3>").Append(SvgCharts.Latency("Cache check latency", checkSeries, CheckTargetMs))
            .Append("<figcaption class=\"muted\">Latency of one batch check request (POST /cache/check) measured inside the proxy, p50/p95/p99 on a logarithmic axis; the dashed line is the 100 ms target. Informational: no check asserts a duration.</figcaption></figure>");
        html.Append("<figure><h3>Cache write latency</h3>").Append(SvgCharts.Latency("Cache write latency", writeSeries, WriteTargetMs))
            .Append("<figcaption class=\"muted\">Latency of one cache write (PUT /cache/{owner}/{repo}) measured inside the proxy, p50/p95/p99 on a logarithmic axis; the dashed line is the 200 ms target. Informational.</figcaption></figure>");
        html.Append("</div>");
    }

    private static void AppendMissReasons(StringBuilder html, VerificationReport report)
    {
        var reasons = report.Passes.SelectMany(pass => pass.MissReasons.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        html.Append("<h2>Miss reasons</h2>");
        if (reasons.Count == 0)
        {
            html.Append("<p>No pass reported a miss.</p>");
            return;
        }

        html.Append("<table><tr><th>reason</th>");
        foreach (var pass in report.Passes)
        {
            html.Append("<th>pass ").Append(pass.Number).Append("</th>");
        }

        html.Append("</tr>");
        foreach (var reason in reasons)
        {
            html.Append("<tr><td>").Append(Encode(reason)).Append("</td>");
            foreach (var pass in report.Passes)
            {
                Cell(html, pass.MissReasons.GetValueOrDefault(reason));
            }

            html.Append("</tr>");
        }

        html.Append("</table>");
    }

    private static void AppendChecks(StringBuilder html, VerificationReport report)
    {
        html.Append("<h2>All checks</h2>");
        AppendCheckTable(html, report.Checks);
    }

    private static void AppendRunners(StringBuilder html, VerificationReport report)
    {
        html.Append("<h2>Runner processes</h2><div class=\"wide\"><table><tr><th>pass</th><th>shard</th><th>exit code</th><th>checked</th><th>hits</th><th>misses</th><th>downloads</th><th>check p50 / p95 / p99 as the runner measured it</th><th>write p50 / p95 / p99 as the runner measured it</th><th>Cache check line</th><th>log</th></tr>");
        foreach (var pass in report.Passes)
        {
            foreach (var runner in pass.Runners)
            {
                html.Append(runner.ExitCode == 0 ? "<tr>" : "<tr class=\"fail\">");
                Cell(html, pass.Number);
                Cell(html, runner.Shard);
                Cell(html, runner.ExitCode);
                Cell(html, runner.Checked);
                Cell(html, runner.Hits);
                Cell(html, runner.Misses);
                Cell(html, runner.Downloads);
                html.Append("<td class=\"nowrap\">").Append(Encode(Percentiles(runner.CheckLatency ?? LatencyFigures.None))).Append("</td>");
                html.Append("<td class=\"nowrap\">").Append(Encode(Percentiles(runner.WriteLatency ?? LatencyFigures.None))).Append("</td>");
                html.Append("<td><code>").Append(Encode(runner.CacheCheckLine ?? "(none printed)")).Append("</code></td>");
                html.Append("<td><a href=\"").Append(Encode(runner.LogFile)).Append("\">").Append(Encode(runner.LogFile)).Append("</a></td></tr>");
            }
        }

        html.Append("</table></div>");
    }

    private static void AppendRepositories(StringBuilder html, VerificationReport report)
    {
        html.Append("<h2>Repositories</h2><details open><summary>")
            .Append(report.Repositories.Count).Append(" repositories; the ones changed upstream before pass 2 are highlighted</summary>");
        html.Append("<div class=\"wide\"><table><tr><th>repository</th><th>changed</th>");
        foreach (var pass in report.Passes)
        {
            html.Append("<th>pass ").Append(pass.Number).Append(" pushedAt</th><th>pass ").Append(pass.Number).Append(" outcome</th><th>downloads</th>");
        }

        html.Append("</tr>");
        foreach (var repository in report.Repositories)
        {
            html.Append(repository.Changed ? "<tr class=\"changed\"><td>" : "<tr><td>").Append(Encode(repository.Repository)).Append("</td><td>")
                .Append(repository.Changed ? "changed" : string.Empty).Append("</td>");
            for (var index = 0; index < report.Passes.Count; index++)
            {
                var pushedAt = index < repository.PushedAt.Count ? repository.PushedAt[index] : null;
                var outcome = index < repository.Outcomes.Count ? repository.Outcomes[index] : null;
                html.Append("<td><code>").Append(Encode(pushedAt ?? "null")).Append("</code></td><td>")
                    .Append(Encode(DescribeOutcome(outcome)))
                    .Append("</td>");
                Cell(html, outcome?.Downloads ?? 0);
            }

            html.Append("</tr>");
        }

        html.Append("</table></div></details>");
    }

    private static void AppendCheckTable(StringBuilder html, IEnumerable<CheckResult> checks)
    {
        html.Append("<table><tr><th>result</th><th>check</th><th>expected</th><th>actual</th><th>repositories</th></tr>");
        foreach (var check in checks)
        {
            html.Append(check.Passed ? "<tr>" : "<tr class=\"fail\">");
            html.Append(check.Passed ? "<td class=\"ok\">pass</td>" : "<td class=\"bad\">FAIL</td>");
            html.Append("<td><code>").Append(Encode(check.Id)).Append("</code><br>").Append(Encode(check.Description)).Append("</td>");
            html.Append("<td>").Append(Encode(check.Expected)).Append("</td><td>").Append(Encode(check.Actual)).Append("</td><td>");
            html.Append(Encode(string.Join(", ", check.Repositories.Take(CheckResult.MaxListedRepositories))));
            if (check.Repositories.Count > CheckResult.MaxListedRepositories)
            {
                html.Append(Encode(Invariant($" and {check.Repositories.Count - CheckResult.MaxListedRepositories} more")));
            }

            html.Append("</td></tr>");
        }

        html.Append("</table>");
    }

    private static string Percentiles(LatencyFigures figures) => figures.P50Ms is null
        ? "none measured"
        : $"{SvgCharts.FormatMs(figures.P50Ms.Value)} / {SvgCharts.FormatMs(figures.P95Ms ?? 0)} / {SvgCharts.FormatMs(figures.P99Ms ?? 0)}";

    private static string DescribeOutcome(RepositoryOutcome? outcome)
    {
        if (outcome is null)
        {
            return "not run";
        }

        return outcome.Reason is null ? outcome.Outcome : $"{outcome.Outcome} ({outcome.Reason})";
    }

    private static void Cell(StringBuilder html, int value) =>
        html.Append("<td class=\"num\">").Append(value.ToString(CultureInfo.InvariantCulture)).Append("</td>");

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
