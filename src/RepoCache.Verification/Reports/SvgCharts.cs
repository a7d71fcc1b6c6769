using System.Globalization;
using System.Net;
using System.Text;

namespace RepoCache.Verification.Reports;

/// <summary>Inline SVG charts for the HTML report, drawn without scripts or external resources.</summary>
public static class SvgCharts
{
    private const int Width = 640;
    private const int LabelWidth = 150;
    private const int BarHeight = 18;
    private const int RowGap = 6;

    /// <summary>Draws one horizontal bar per pass for its hit rate, with the threshold as a dashed line.</summary>
    public static string HitRates(IReadOnlyList<PassReport> passes, double threshold)
    {
        var plotWidth = Width - LabelWidth - 70;
        var height = 30 + passes.Count * (BarHeight + RowGap) + 20;
        var svg = Begin(height, "Hit rate per pass against the threshold");

        for (var index = 0; index < passes.Count; index++)
        {
            var pass = passes[index];
            var y = 20 + index * (BarHeight + RowGap);
            var barWidth = pass.HitRate * plotWidth;
            var fill = pass.Number == 2 && pass.HitRate < threshold ? "#c62828" : "#2e7d32";

            Label(svg, 4, y + 13, $"pass {pass.Number}");
            svg.Append(Invariant($"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{barWidth:0.#}\" height=\"{BarHeight}\" fill=\"{fill}\"/>"));
            Label(svg, LabelWidth + barWidth + 6, y + 13, pass.HitRate.ToString("P1", CultureInfo.InvariantCulture));
        }

        var thresholdX = LabelWidth + threshold * plotWidth;
        svg.Append(Invariant($"<line x1=\"{thresholdX:0.#}\" y1=\"12\" x2=\"{thresholdX:0.#}\" y2=\"{height - 14}\" stroke=\"#555\" stroke-dasharray=\"4 3\"/>"));
        Label(svg, thresholdX - 40, height - 2, $"threshold {threshold.ToString("P0", CultureInfo.InvariantCulture)}");
        return End(svg);
    }

    /// <summary>
    /// Draws p50, p95 and p99 bars of one latency series per pass on a logarithmic axis from 0.01 ms to 1 s,
    /// with the target as a dashed line.
    /// </summary>
    public static string Latency(string title, IReadOnlyList<(string Label, LatencyFigures Figures)> series, double targetMs)
    {
        const double minMs = 0.01;
        const double maxMs = 1000;
        var plotWidth = Width - LabelWidth - 80;
        var rows = series.Sum(item => 3) + series.Count;
        var height = 24 + rows * (BarHeight - 4 + 3) + 34;
        var svg = Begin(height, title);

        double Scale(double ms) => Math.Clamp(Math.Log10(Math.Max(ms, minMs) / minMs) / Math.Log10(maxMs / minMs), 0, 1) * plotWidth;

        var y = 18;
        foreach (var (label, figures) in series)
        {
            Label(svg, 4, y + 10, label, bold: true);
            y += BarHeight - 1;
            foreach (var (name, value, color) in new[] { ("p50", figures.P50Ms, "#1565c0"), ("p95", figures.P95Ms, "#6a1b9a"), ("p99", figures.P99Ms, "#ad1457") })
            {
                Label(svg, 24, y + 10, name);
                if (value is double ms)
                {
                    var barWidth = Math.Max(Scale(ms), 1);
                    svg.Append(Invariant($"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{barWidth:0.#}\" height=\"{BarHeight - 4}\" fill=\"{color}\"/>"));
                    Label(svg, LabelWidth + barWidth + 6, y + 11, FormatMs(ms));
                }
                else
                {
                    Label(svg, LabelWidth + 4, y + 11, "none measured");
                }

                y += BarHeight - 4 + 3;
            }
        }

        foreach (var tick in new[] { 0.01, 0.1, 1, 10, 100, 1000 })
        {
            var x = LabelWidth + Scale(tick);
            svg.Append(Invariant($"<line x1=\"{x:0.#}\" y1=\"{y + 2}\" x2=\"{x:0.#}\" y2=\"{y + 6}\" stroke=\"#888\"/>"));
            Label(svg, x - 12, y + 18, FormatMs(tick));
        }

        var targetX = LabelWidth + Scale(targetMs);
        svg.Append(Invariant($"<line x1=\"{targetX:0.#}\" y1=\"10\" x2=\"{targetX:0.#}\" y2=\"{y + 4}\" stroke=\"#c62828\" stroke-dasharray=\"4 3\"/>"));
        Label(svg, targetX + 4, 12, $"target {FormatMs(targetMs)}");
        return End(svg);
    }

    /// <summary>Formats milliseconds with a precision that suits the magnitude.</summary>
    public static string FormatMs(double ms) => ms switch
    {
        >= 100 => Invariant($"{ms:0} ms"),
        >= 1 => Invariant($"{ms:0.#} ms"),
        _ => Invariant($"{ms:0.###} ms"),
    };

    private static StringBuilder Begin(int height, string title)
    {
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\">"));
        svg.Append("<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>");
        return svg;
    }

    private static string End(StringBuilder svg) => svg.Append("</svg>").ToString();

    private static void Label(StringBuilder svg, double x, double y, string text, bool bold = false)
    {
        var weight = bold ? " font-weight=\"bold\"" : string.Empty;
        svg.Append(Invariant($"<text x=\"{x:0.#}\" y=\"{y:0.#}\" font-size=\"12\"{weight}>"))
            .Append(WebUtility.HtmlEncode(text))
            .Append("</text>");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
