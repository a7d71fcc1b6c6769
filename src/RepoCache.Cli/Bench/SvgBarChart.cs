using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace RepoCache.Cli.Bench;

/// <summary>Renders a horizontal bar chart as inline SVG, so the report opens offline without scripts.</summary>
internal static class SvgBarChart
{
    private const int Width = 760;
    private const int LabelWidth = 300;
    private const int ValueWidth = 110;
    private const int RowHeight = 22;

    /// <summary>
    /// Renders one bar per value, scaled to the largest value (or to <paramref name="referenceLine"/> when it is larger),
    /// with an optional dashed line marking a goal.
    /// </summary>
    public static string Render(IReadOnlyList<(string Label, double Value, string Css)> bars, string unit, double? referenceLine = null, string? referenceLabel = null)
    {
        var scaleMax = Math.Max(bars.Count == 0 ? 1 : bars.Max(bar => bar.Value), referenceLine ?? 0);
        scaleMax = scaleMax <= 0 ? 1 : scaleMax;
        var plotWidth = Width - LabelWidth - ValueWidth;
        var height = bars.Count * RowHeight + (referenceLine is null ? 8 : 26);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" role=\"img\">");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value, css) = bars[i];
            var y = i * RowHeight + 4;
            var barWidth = Math.Max(1, value / scaleMax * plotWidth);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 8}\" y=\"{y + 14}\" text-anchor=\"end\">{Encode(label)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"{css}\" x=\"{LabelWidth}\" y=\"{y}\" width=\"{barWidth:F1}\" height=\"{RowHeight - 6}\"><title>{Encode(label)}: {Format(value)} {Encode(unit)}</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + barWidth + 6:F1}\" y=\"{y + 14}\">{Format(value)} {Encode(unit)}</text>");
        }

        if (referenceLine is { } reference)
        {
            var x = LabelWidth + reference / scaleMax * plotWidth;
            var bottom = bars.Count * RowHeight + 4;
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"goal\" x1=\"{x:F1}\" y1=\"0\" x2=\"{x:F1}\" y2=\"{bottom}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"goal-label\" x=\"{x:F1}\" y=\"{bottom + 16}\" text-anchor=\"middle\">{Encode(referenceLabel ?? Format(reference))}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>Formats a figure with three significant digits for small values and thousands separators for large ones.</summary>
    public static string Format(double value) => value switch
    {
        >= 1_000 => value.ToString("N0", CultureInfo.InvariantCulture),
        >= 10 => value.ToString("N1", CultureInfo.InvariantCulture),
        _ => value.ToString("G3", CultureInfo.InvariantCulture),
    };

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
