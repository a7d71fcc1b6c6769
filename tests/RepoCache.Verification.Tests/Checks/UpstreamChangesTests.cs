using RepoCache.Verification.Host;

namespace RepoCache.Verification.Tests.Checks;

public sealed class UpstreamChangesTests
{
    [Fact]
    public void Changed_positions_spread_evenly()
    {
        UpstreamChanges.ChangedPositions(100, 5).ShouldBe([0, 20, 40, 60, 80]);
        UpstreamChanges.ChangedPositions(10, 10).ShouldBe(Enumerable.Range(0, 10));
        UpstreamChanges.ChangedPositions(10, 0).ShouldBeEmpty();
    }

    [Fact]
    public void Changed_positions_reject_more_than_count()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => UpstreamChanges.ChangedPositions(3, 4));
    }

    [Theory]
    [InlineData("2021-03-04T05:06:07.000Z", "2021-03-05T05:06:07.000Z")]
    [InlineData("2021-03-04T05:06:07Z", "2021-03-05T05:06:07Z")]
    [InlineData(null, "2022-09-02T00:00:00Z")]
    public void Later_push_keeps_spelling(string? before, string after)
    {
        UpstreamChanges.LaterPushedAt(before).ShouldBe(after);
    }

    [Theory]
    [InlineData("2021-03-04T05:06:07.000Z", "2021-03-04T05:06:07Z")]
    [InlineData("2021-03-04T05:06:07Z", "2021-03-04T05:06:07.000Z")]
    [InlineData(null, null)]
    public void Other_spelling_swaps_forms(string? before, string? after)
    {
        UpstreamChanges.OtherSpelling(before).ShouldBe(after);
    }
}
