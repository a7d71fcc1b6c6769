namespace RepoCache.Verification.Checks;

/// <summary>Collects the verification's checks in the order they were made.</summary>
public sealed class CheckList
{
    private readonly List<CheckResult> _results = [];

    /// <summary>Every check made so far.</summary>
    public IReadOnlyList<CheckResult> Results => _results;

    /// <summary>Whether every check made so far passed; true when none was made.</summary>
    public bool AllPassed => _results.TrueForAll(result => result.Passed);

    /// <summary>Records a check that compares two values with <see cref="EqualityComparer{T}.Default"/>.</summary>
    public CheckResult Equal<T>(string id, int pass, string description, T expected, T actual, IEnumerable<string>? repositories = null)
    {
        var passed = EqualityComparer<T>.Default.Equals(expected, actual);
        return Add(id, pass, description, passed, Format(expected), Format(actual), passed ? [] : repositories);
    }

    /// <summary>
    /// Records a check that two sets of repositories are equal; on failure it lists the repositories present in
    /// only one of them.
    /// </summary>
    public CheckResult SameSet(string id, int pass, string description, IEnumerable<string> expected, IEnumerable<string> actual)
    {
        var expectedSet = new SortedSet<string>(expected, StringComparer.OrdinalIgnoreCase);
        var actualSet = new SortedSet<string>(actual, StringComparer.OrdinalIgnoreCase);

        var missing = expectedSet.Except(actualSet, StringComparer.OrdinalIgnoreCase).ToList();
        var unexpected = actualSet.Except(expectedSet, StringComparer.OrdinalIgnoreCase).ToList();
        var passed = missing.Count == 0 && unexpected.Count == 0;

        var actualText = passed
            ? $"{actualSet.Count} repositories"
            : $"{actualSet.Count} repositories ({missing.Count} missing, {unexpected.Count} unexpected)";
        var offenders = missing.Select(name => $"{name} (missing)").Concat(unexpected.Select(name => $"{name} (unexpected)"));
        return Add(id, pass, description, passed, $"{expectedSet.Count} repositories", actualText, offenders);
    }

    /// <summary>Records a check whose outcome the caller computed, with the values to show.</summary>
    public CheckResult Add(string id, int pass, string description, bool passed, string expected, string actual, IEnumerable<string>? repositories = null)
    {
        var result = new CheckResult(id, pass, description, passed, expected, actual, (repositories ?? []).ToList());
        _results.Add(result);
        return result;
    }

    private static string Format<T>(T value) => value switch
    {
        null => "null",
        double number => number.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
