using RepoCache.Verification.Host;

namespace RepoCache.Verification.Tests.Host;

public sealed class FeedSelectionTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"feed-{Guid.NewGuid():N}.json");

    [Fact]
    public void Selection_takes_first_rows_of_fixture()
    {
        var selected = FeedSelection.Select(RepositoryPaths.Fixture, 100);

        selected.Count.ShouldBe(100);
        selected[0].FullName.ShouldBe("BarnsleyCouncil/design-guide");
        selected.Select(r => r.FeedIndex).ShouldBe(Enumerable.Range(0, 100));
        selected[39].PushedAt.ShouldBeNull();
    }

    [Fact]
    public void Selection_skips_invalid_and_duplicate_rows()
    {
        File.WriteAllText(_path, """
            [
              {"owner": "a", "name": "one", "pushedAt": "2020-01-01T00:00:00Z"},
              {"owner": "A", "name": "ONE", "pushedAt": null},
              {"owner": "-bad", "name": "two", "pushedAt": null},
              {"owner": "a", "name": "three", "pushedAt": "not a date"},
              {"owner": "a", "name": "four", "pushedAt": 12},
              "not an object",
              {"owner": "a", "name": "five", "pushedAt": "2020-01-01T00:00:00.000Z", "language": "C#"}
            ]
            """);

        var selected = FeedSelection.Select(_path, 2);

        selected.Select(r => r.FullName).ShouldBe(["a/one", "a/five"]);
        selected[1].Row["language"]!.GetValue<string>().ShouldBe("C#");
    }

    [Fact]
    public void Too_few_rows_names_count_and_fix()
    {
        File.WriteAllText(_path, """[{"owner": "a", "name": "one", "pushedAt": null}]""");

        var error = Should.Throw<VerificationUsageException>(() => FeedSelection.Select(_path, 5));

        error.Message.ShouldContain("--count 5 is invalid");
        error.Message.ShouldContain("only 1 valid");
        error.Message.ShouldContain("Lower --count");
    }

    [Theory]
    [InlineData("{}", "not a JSON array")]
    [InlineData("[{", "not valid JSON")]
    public void Malformed_feed_is_rejected(string content, string message)
    {
        File.WriteAllText(_path, content);

        Should.Throw<VerificationUsageException>(() => FeedSelection.Select(_path, 1)).Message.ShouldContain(message);
    }

    [Fact]
    public void Pass_feed_rewrites_only_pushedAt()
    {
        var repository = FeedSelection.Select(RepositoryPaths.Fixture, 1)[0];

        PassFeedWriter.Write(_path, [repository with { PushedAt = "2030-01-01T00:00:00Z" }]);

        var written = FeedSelection.Select(_path, 1)[0];
        written.PushedAt.ShouldBe("2030-01-01T00:00:00Z");
        written.Row["url"]!.GetValue<string>().ShouldBe(repository.Row["url"]!.GetValue<string>());
        repository.Row["pushedAt"]!.GetValue<string>().ShouldNotBe("2030-01-01T00:00:00Z");
    }

    public void Dispose() => File.Delete(_path);
}
