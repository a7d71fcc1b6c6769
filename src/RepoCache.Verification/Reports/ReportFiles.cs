namespace RepoCache.Verification.Reports;

/// <summary>Writes every report file of a run into the output folder.</summary>
public static class ReportFiles
{
    /// <summary>File name of the HTML report.</summary>
    public const string Html = "report.html";

    /// <summary>File name of the JSON report.</summary>
    public const string Json = "report.json";

    /// <summary>File name of the JUnit XML report.</summary>
    public const string JUnit = "junit.xml";

    /// <summary>File name of the Markdown summary.</summary>
    public const string Markdown = "summary.md";

    /// <summary>Writes <c>report.html</c>, <c>report.json</c>, <c>junit.xml</c> and <c>summary.md</c> to <paramref name="folder"/>.</summary>
    public static void WriteAll(VerificationReport report, string folder)
    {
        Directory.CreateDirectory(folder);
        HtmlReportWriter.Write(report, Path.Combine(folder, Html));
        JsonReportWriter.Write(report, Path.Combine(folder, Json));
        JUnitReportWriter.Write(report, Path.Combine(folder, JUnit));
        MarkdownSummaryWriter.Write(report, Path.Combine(folder, Markdown));
    }
}
