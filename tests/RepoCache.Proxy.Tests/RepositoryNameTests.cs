using RepoCache.Proxy.Contract;

namespace RepoCache.Proxy.Tests;

public class RepositoryNameTests
{
    [Fact]
    public void Cache_key_is_lower_cased()
    {
        RepositoryName.CacheKey("Octo", "Hello-World").ShouldBe("repo:octo/hello-world");
    }

    [Theory]
    [InlineData("cardscript")]
    [InlineData("a.b_c-d")]
    [InlineData("...")]
    public void Valid_names_pass(string name)
    {
        RepositoryName.TryValidateName(name, out var problem).ShouldBeTrue(problem);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("..", "reserved")]
    [InlineData("a/b", "'/'")]
    [InlineData("naïve", "'ï'")]
    public void Invalid_names_are_explained(string name, string expected)
    {
        RepositoryName.TryValidateName(name, out var problem).ShouldBeFalse();

        problem.ShouldContain(expected);
    }

    [Fact]
    public void Name_of_100_characters_passes_and_101_fails()
    {
        RepositoryName.TryValidateName(new string('a', 100), out _).ShouldBeTrue();
        RepositoryName.TryValidateName(new string('a', 101), out var problem).ShouldBeFalse();
        problem.ShouldContain("at most 100");
    }

    [Theory]
    [InlineData("-leading")]
    [InlineData("has space")]
    public void Invalid_owners_fail(string owner)
    {
        RepositoryName.TryValidateOwner(owner, out _).ShouldBeFalse();
    }
}
