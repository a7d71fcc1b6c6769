using RepoCache.Kv.Semantics;

namespace RepoCache.Kv.Tests;

public class Utf8KeyComparerTests
{
    [Fact]
    public void Keys_above_U_FFFF_sort_after_fullwidth_letters()
    {
        string[] keys = ["\U0001D655", "\uFF3A", "Z"];

        var sorted = keys.Order(Utf8KeyComparer.Instance).ToArray();

        sorted.ShouldBe(["Z", "\uFF3A", "\U0001D655"]);
    }

    [Fact]
    public void Ordinal_comparison_would_differ_above_U_FFFF()
    {
        string.CompareOrdinal("\U0001D655", "\uFF3A").ShouldBeLessThan(0);

        Utf8KeyComparer.Instance.Compare("\U0001D655", "\uFF3A").ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Comparison_is_case_sensitive()
    {
        Utf8KeyComparer.Instance.Compare("Foo", "foo").ShouldBeLessThan(0);
    }

    [Fact]
    public void Prefix_sorts_before_longer_key()
    {
        Utf8KeyComparer.Instance.Compare("repo:a", "repo:a/b").ShouldBeLessThan(0);
    }
}
