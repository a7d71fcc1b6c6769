using RepoCache.Verification.Checks;
using RepoCache.Verification.Runners;

namespace RepoCache.Verification.Tests.Checks;

public sealed class CheckListTests
{
    [Fact]
    public void Equal_check_fails_with_both_values()
    {
        var checks = new CheckList();

        var result = checks.Equal("pass2.hits", 2, "Hits match.", 95, 90, ["a/b"]);

        result.Passed.ShouldBeFalse();
        result.Expected.ShouldBe("95");
        result.Actual.ShouldBe("90");
        result.Repositories.ShouldBe(["a/b"]);
        checks.AllPassed.ShouldBeFalse();
    }

    [Fact]
    public void Passing_check_lists_no_repositories()
    {
        var checks = new CheckList();

        var result = checks.Equal("pass3.hits", 3, "Hits match.", 10, 10, ["a/b"]);

        result.Passed.ShouldBeTrue();
        result.Repositories.ShouldBeEmpty();
        checks.AllPassed.ShouldBeTrue();
    }

    [Fact]
    public void Same_set_names_missing_and_unexpected()
    {
        var checks = new CheckList();

        var result = checks.SameSet("pass2.miss-set", 2, "Misses match.", ["a/one", "a/two"], ["A/One", "a/three"]);

        result.Passed.ShouldBeFalse();
        result.Repositories.ShouldBe(["a/two (missing)", "a/three (unexpected)"]);
        result.Actual.ShouldBe("2 repositories (1 missing, 1 unexpected)");
    }

    [Fact]
    public void Same_set_ignores_case()
    {
        var checks = new CheckList();

        checks.SameSet("pass2.miss-set", 2, "Misses match.", ["Owner/Repo"], ["owner/repo"]).Passed.ShouldBeTrue();
    }

    [Fact]
    public void Console_line_caps_listed_repositories()
    {
        var repositories = Enumerable.Range(0, 25).Select(i => $"o/r{i}").ToList();
        var result = new CheckResult("pass1.downloads", 1, "Downloads match.", false, "25", "0", repositories);

        var line = result.ToConsoleLine();

        line.ShouldStartWith("FAIL pass1.downloads: Downloads match. expected 25, actual 0; repositories: o/r0, ");
        line.ShouldContain("o/r19 and 5 more");
        line.ShouldNotContain("o/r20");
    }

    [Theory]
    [InlineData("Cache check: 95/100 hits (95.0%), 5 misses", 95, 100, 5)]
    [InlineData("2026-12-04 info Cache check: 0/0 hits (0.0%), 0 misses", 0, 0, 0)]
    public void Cache_check_line_parses_counts(string line, int hits, int total, int misses)
    {
        var parsed = CacheCheckLine.Find(["other output", line]);

        parsed.ShouldNotBeNull();
        parsed.Hits.ShouldBe(hits);
        parsed.Total.ShouldBe(total);
        parsed.Misses.ShouldBe(misses);
    }

    [Theory]
    [InlineData("Cache check: unavailable, processing all 6 repositories (--on-cache-error process-all)")]
    [InlineData("cache check: 1/2 hits (50.0%), 1 misses")]
    [InlineData("Summary: 6 repositories, 0 hits")]
    public void Cache_check_line_rejects_other_text(string line)
    {
        CacheCheckLine.Find([line]).ShouldBeNull();
    }
}
