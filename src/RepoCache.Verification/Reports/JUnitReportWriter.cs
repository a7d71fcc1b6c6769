using System.Globalization;
using System.Xml.Linq;

namespace RepoCache.Verification.Reports;

/// <summary>Writes <c>junit.xml</c>: one test case per check, grouped in one test suite per pass.</summary>
public static class JUnitReportWriter
{
    /// <summary>Builds the JUnit XML document of the report.</summary>
    public static XDocument ToXml(VerificationReport report)
    {
        var suites = report.Checks
            .GroupBy(check => check.Pass)
            .OrderBy(group => group.Key)
            .Select(group => Suite(SuiteName(group.Key), group.ToList(), report.StartedAt));

        var total = report.Checks.Count;
        var failures = report.Checks.Count(check => !check.Passed);
        var root = new XElement(
            "testsuites",
            new XAttribute("name", "VerifyCaching"),
            new XAttribute("tests", total),
            new XAttribute("failures", failures),
            new XAttribute("errors", 0),
            new XAttribute("time", Seconds(report.FinishedAt - report.StartedAt)),
            suites);

        return new XDocument(new XDeclaration("1.0", "utf-8", null), root);
    }

    /// <summary>Writes the JUnit XML document to <paramref name="path"/>.</summary>
    public static void Write(VerificationReport report, string path) => ToXml(report).Save(path);

    private static XElement Suite(string name, IReadOnlyList<Checks.CheckResult> checks, DateTimeOffset startedAt)
    {
        var cases = checks.Select(check =>
        {
            var testCase = new XElement(
                "testcase",
                new XAttribute("classname", $"VerifyCaching.{name.Replace(' ', '-')}"),
                new XAttribute("name", check.Id),
                new XAttribute("time", "0"));

            var details = $"{check.Description}\nexpected: {check.Expected}\nactual: {check.Actual}";
            if (check.Repositories.Count > 0)
            {
                details += "\nrepositories:\n  " + string.Join("\n  ", check.Repositories);
            }

            if (!check.Passed)
            {
                testCase.Add(new XElement(
                    "failure",
                    new XAttribute("message", $"{check.Id}: expected {check.Expected}, actual {check.Actual}"),
                    new XAttribute("type", "VerificationCheckFailed"),
                    details));
            }
            else
            {
                testCase.Add(new XElement("system-out", details));
            }

            return testCase;
        });

        return new XElement(
            "testsuite",
            new XAttribute("name", name),
            new XAttribute("tests", checks.Count),
            new XAttribute("failures", checks.Count(check => !check.Passed)),
            new XAttribute("errors", 0),
            new XAttribute("timestamp", startedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)),
            cases);
    }

    private static string SuiteName(int pass) => pass == 0 ? "run" : $"pass {pass}";

    private static string Seconds(TimeSpan duration) =>
        duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
