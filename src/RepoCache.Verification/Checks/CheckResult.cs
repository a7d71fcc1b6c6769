namespace RepoCache.Verification.Checks;

/// <summary>One named assertion of the verification with its expected and actual values.</summary>
/// <param name="Id">Stable dotted name, for example <c>pass2.hits</c>; JUnit shows it as the test name.</param>
/// <param name="Pass">The pass the check belongs to (1-3), or 0 for checks across the whole run.</param>
/// <param name="Description">What the check asserts, as a sentence.</param>
/// <param name="Passed">Whether the actual value met the expectation.</param>
/// <param name="Expected">The expected value, as shown in reports.</param>
/// <param name="Actual">The observed value, as shown in reports.</param>
/// <param name="Repositories">The repositories that break the check (empty when it passed), as <c>owner/name</c>.</param>
public sealed record CheckResult(
    string Id,
    int Pass,
    string Description,
    bool Passed,
    string Expected,
    string Actual,
    IReadOnlyList<string> Repositories)
{
    /// <summary>Maximum repositories a failure message lists before it summarises the rest as a count.</summary>
    public const int MaxListedRepositories = 20;

    /// <summary>Formats the check as one console line: status, id, expected and actual values, offending repositories.</summary>
    public string ToConsoleLine()
    {
        var status = Passed ? "PASS" : "FAIL";
        var line = $"{status} {Id}: {Description} expected {Expected}, actual {Actual}";
        if (Repositories.Count == 0)
        {
            return line;
        }

        var listed = string.Join(", ", Repositories.Take(MaxListedRepositories));
        var more = Repositories.Count > MaxListedRepositories ? $" and {Repositories.Count - MaxListedRepositories} more" : string.Empty;
        return $"{line}; repositories: {listed}{more}";
    }
}
