using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace RepoCache.Cli.Bench;

/// <summary>Renders a <see cref="BenchReport"/> as one self-contained HTML page: tables, inline SVG charts, no scripts.</summary>
internal static class HtmlReportWriter
{
    private const string Style = """
        body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 1100px; color: #1b1f24; padding: 0 1rem; }
        h1 { font-size: 1.6rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid #d0d7de; padding-bottom: .3rem; }
        table { border-collapse: collapse; margin: .6rem 0 1rem; }
        th, td { border: 1px solid #d0d7de; padding: .25rem .6rem; text-align: right; }
        th:first-child, td:first-child, td.text { text-align: left; }
        th { background: #f6f8fa; }
        .met { color: #116329; font-weight: 600; } .missed { color: #a40e26; font-weight: 600; } .not-measured { color: #6e7781; }
        .note { color: #57606a; } .skipped, .failed { padding: .5rem .8rem; border-left: 4px solid #bf8700; background: #fff8c5; }
        .failed { border-color: #a40e26; background: #ffebe9; }
        svg.chart text { font: 12px system-ui, sans-serif; fill: #1b1f24; }
        rect.ours { fill: #0969da; } rect.peer { fill: #bf8700; } rect.ratio { fill: #1a7f37; } rect.below { fill: #cf222e; }
        line.goal { stroke: #a40e26; stroke-dasharray: 4 3; stroke-width: 1.5; } text.goal-label { fill: #a40e26; }
        """;

    /// <summary>Returns the HTML page for <paramref name="report"/>.</summary>
    public static string Render(BenchReport report)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>RepoCache benchmark</title><style>")
            .Append(Style).Append("</style></head><body>");
        html.Append("<h1>RepoCache benchmark</h1>");
        html.Append(Invariant($"<p class=\"note\">Run from {report.StartedAt:u} to {report.FinishedAt:u}. Command: <code>{Encode(report.Command)}</code>. Figures from different machines or runs are not comparable; only the ratios measured side by side in this run are.</p>"));

        AppendMachine(html, report);
        AppendGoals(html, report.Goals);
        AppendRatios(html, report);
        foreach (var workload in report.Workloads)
        {
            AppendWorkload(html, workload);
        }

        AppendPeer(html, report.Miniflare);
        return html.Append("</body></html>").ToString();
    }

    private static void AppendMachine(StringBuilder html, BenchReport report)
    {
        var machine = report.Machine;
        var settings = report.Settings;
        html.Append("<h2>Machine and settings</h2><table>");
        Row(html, "Processors", machine.ProcessorCount.ToString(CultureInfo.InvariantCulture));
        Row(html, "Processor", machine.Processor);
        Row(html, "Memory", Invariant($"{machine.MemoryBytes / 1_073_741_824.0:F1} GiB"));
        Row(html, "Operating system", $"{machine.OperatingSystem} ({machine.Architecture})");
        Row(html, "Load average (1, 5, 15 min)", machine.LoadAverage);
        Row(html, ".NET", $"{machine.DotNet}{(machine.ServerGc ? ", server GC" : ", workstation GC")}");
        Row(html, "Feed", Invariant($"{settings.FeedRows:N0} rows, {settings.DistinctRepositories:N0} distinct repositories"));
        Row(html, "KV keys", Invariant($"{settings.Keys:N0} for RepoCache, {settings.PeerKeys:N0} for Miniflare; {settings.Concurrency} concurrent callers; {settings.WarmupKeys:N0} warm-up operations left out"));
        Row(html, "Proxy", Invariant($"{settings.Writers} writers, {settings.SingleChecks:N0} single checks per phase, {settings.BatchRepeats} batch checks of the whole feed"));
        Row(html, "Runner", Invariant($"{settings.Shards} shards as processes; {settings.Archives:N0} generated archives for the digest phase"));
        html.Append("</table>");
    }

    private static void AppendGoals(StringBuilder html, IReadOnlyList<GoalResult> goals)
    {
        html.Append("<h2>Goals</h2><table><tr><th>goal</th><th>target</th><th>measured</th><th>status</th></tr>");
        foreach (var goal in goals)
        {
            var measured = goal.Measured is { } value ? $"{SvgBarChart.Format(value)} {goal.Unit}" : "-";
            html.Append(Invariant($"<tr><td>{Encode(goal.Goal)}</td><td>{Encode(goal.Target)}</td><td>{Encode(measured)}</td><td class=\"{goal.Status.Replace(' ', '-')}\">{Encode(goal.Status)}</td></tr>"));
        }

        html.Append("</table>");
    }

    private static void AppendRatios(StringBuilder html, BenchReport report)
    {
        html.Append("<h2>RepoCache / Miniflare, same run</h2>");
        if (report.Ratios.Count == 0)
        {
            html.Append(Invariant($"<p class=\"skipped\">No ratios: the Miniflare peer or the KV workloads did not run. {Encode(report.Miniflare.Message ?? "")}</p>"));
            return;
        }

        html.Append("<table><tr><th>workload</th><th>operation</th><th>mode</th><th>RepoCache ops/s</th><th>Miniflare ops/s</th><th>ratio</th><th>RepoCache CPU ms/op</th><th>Miniflare CPU ms/op</th><th>CPU ratio</th></tr>");
        foreach (var ratio in report.Ratios)
        {
            html.Append(Invariant($"<tr><td>{Encode(ratio.Workload)}</td><td class=\"text\">{ratio.Operation}</td><td class=\"text\">{ratio.Mode}</td><td>{SvgBarChart.Format(ratio.RepoCacheOperationsPerSecond)}</td><td>{SvgBarChart.Format(ratio.MiniflareOperationsPerSecond)}</td><td>{SvgBarChart.Format(ratio.Value)}x</td><td>{FormatOptional(ratio.RepoCacheCpuMsPerOperation, "")}</td><td>{FormatOptional(ratio.MiniflareCpuMsPerOperation, "")}</td><td>{FormatOptional(ratio.CpuRatio, "x")}</td></tr>"));
        }

        html.Append("</table>");
        var bars = report.Ratios
            .Select(ratio => ($"{ratio.Workload} {ratio.Operation} {ratio.Mode}", ratio.Value, ratio.Value >= GoalEvaluator.MinKvRatio ? "ratio" : "below"))
            .ToList();
        html.Append(SvgBarChart.Render(bars, "x", GoalEvaluator.MinKvRatio, Invariant($"goal {GoalEvaluator.MinKvRatio:G}x")));
    }

    private static void AppendWorkload(StringBuilder html, WorkloadReport workload)
    {
        html.Append(Invariant($"<h2>{Encode(workload.Title)} <small class=\"note\">({Encode(workload.Id)})</small></h2>"));
        if (workload.Status != WorkloadReport.Measured)
        {
            html.Append(Invariant($"<p class=\"{workload.Status}\">{Encode(workload.Status)}: {Encode(workload.Message ?? "")}</p>"));
            return;
        }

        AppendMeasurements(html, workload.Measurements, "ours");
        if (workload.Figures.Count > 0)
        {
            html.Append("<table><tr><th>figure</th><th>value</th></tr>");
            foreach (var figure in workload.Figures)
            {
                html.Append(Invariant($"<tr><td>{Encode(figure.Name)}</td><td>{SvgBarChart.Format(figure.Value)} {Encode(figure.Unit)}</td></tr>"));
            }

            html.Append("</table>");
        }
    }

    private static void AppendPeer(StringBuilder html, PeerReport peer)
    {
        html.Append("<h2>Miniflare peer: KV binding from Node.js</h2>");
        if (peer.Status != WorkloadReport.Measured)
        {
            html.Append(Invariant($"<p class=\"{peer.Status}\">{Encode(peer.Status)}: {Encode(peer.Message ?? "")}</p>"));
            return;
        }

        html.Append(Invariant($"<p class=\"note\">Miniflare {Encode(peer.MiniflareVersion ?? "?")} on Node.js {Encode(peer.NodeVersion ?? "?")}, {peer.Keys:N0} keys, storage: {Encode(peer.Storage ?? "?")}. Bound to 127.0.0.1 with cf: false and CLOUDFLARE_CF_FETCH_ENABLED=false. CPU is the processor time of Node.js and the workerd processes below it.</p>"));
        AppendMeasurements(html, peer.Measurements, "peer");
    }

    private static void AppendMeasurements(StringBuilder html, IReadOnlyList<Measurement> measurements, string css)
    {
        html.Append("<table><tr><th>operation</th><th>mode</th><th>callers</th><th>operations</th><th>ops/s</th><th>items/s</th><th>p50 ms</th><th>p95 ms</th><th>p99 ms</th><th>max ms</th><th>CPU ms per op</th></tr>");
        foreach (var m in measurements)
        {
            html.Append(Invariant($"<tr><td>{Encode(m.Operation)}</td><td class=\"text\">{m.Mode}</td><td>{m.Callers}</td><td>{m.Operations:N0}</td><td>{SvgBarChart.Format(m.OperationsPerSecond)}</td><td>{SvgBarChart.Format(m.ItemsPerSecond)}</td><td>{SvgBarChart.Format(m.P50Ms)}</td><td>{SvgBarChart.Format(m.P95Ms)}</td><td>{SvgBarChart.Format(m.P99Ms)}</td><td>{SvgBarChart.Format(m.MaxMs)}</td><td>{CpuPerOperation(m)}</td></tr>"));
        }

        html.Append("</table>");
        var bars = measurements.Select(m => ($"{m.Operation} {m.Mode} ({m.Callers})", m.OperationsPerSecond, css)).ToList();
        html.Append(SvgBarChart.Render(bars, "ops/s"));
    }

    private static string FormatOptional(double? value, string suffix) =>
        value is { } number ? SvgBarChart.Format(number) + suffix : "-";

    // Processor time of the benchmark process per operation, clients and in-process servers together.
    private static string CpuPerOperation(Measurement measurement) =>
        measurement.CpuSeconds is { } cpu && measurement.Operations > 0
            ? SvgBarChart.Format(cpu * 1000 / measurement.Operations)
            : "-";

    private static void Row(StringBuilder html, string name, string value) =>
        html.Append(Invariant($"<tr><th>{Encode(name)}</th><td class=\"text\">{Encode(value)}</td></tr>"));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
