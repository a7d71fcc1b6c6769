using RepoCache.Proxy.Contract;

namespace RepoCache.Proxy.Tests;

public class HitRuleTests
{
    private static CacheEntry Entry(string? pushedAt, string status = CacheStatus.Complete, string? processor = "p1") =>
        new("Octo", "Hello-World", pushedAt, "2026-01-01T00:00:00Z", status, processor, null, null);

    private static DateTimeOffset? Feed(string? text)
    {
        if (text is null)
        {
            return null;
        }

        PushedAt.TryParse(text, out var instant).ShouldBeTrue();
        return instant;
    }

    [Fact]
    public void Missing_entry_is_absent()
    {
        HitRule.Evaluate(null, Feed("2020-01-01T00:00:00Z"), "p1").ShouldBe(CheckOutcome.Miss(MissReason.Absent));
    }

    [Theory]
    [InlineData("2019-02-05T04:42:37.000Z")]
    [InlineData("2019-02-05T04:42:37Z")]
    [InlineData("2019-02-05T05:42:37+01:00")]
    public void Same_instant_in_any_spelling_hits(string feed)
    {
        HitRule.Evaluate(Entry("2019-02-05T04:42:37Z"), Feed(feed), "p1").ShouldBe(CheckOutcome.Hit);
    }

    [Fact]
    public void Later_stored_pushed_at_hits()
    {
        HitRule.Evaluate(Entry("2019-02-05T04:42:38Z"), Feed("2019-02-05T04:42:37Z"), "p1").IsHit.ShouldBeTrue();
    }

    [Fact]
    public void Later_feed_pushed_at_is_stale()
    {
        HitRule.Evaluate(Entry("2019-02-05T04:42:37Z"), Feed("2019-02-05T04:42:38Z"), "p1")
            .ShouldBe(CheckOutcome.Miss(MissReason.Stale));
    }

    [Fact]
    public void Null_feed_hits_only_null_entry()
    {
        HitRule.Evaluate(Entry(null), null, "p1").IsHit.ShouldBeTrue();
        HitRule.Evaluate(Entry("2019-02-05T04:42:37Z"), null, "p1").Reason.ShouldBe(MissReason.Stale);
        HitRule.Evaluate(Entry(null), Feed("2019-02-05T04:42:37Z"), "p1").Reason.ShouldBe(MissReason.Stale);
    }

    [Fact]
    public void Failed_entry_is_a_miss()
    {
        HitRule.Evaluate(Entry("2019-02-05T04:42:37Z", CacheStatus.Failed), Feed("2019-02-05T04:42:37Z"), "p1")
            .Reason.ShouldBe(MissReason.Failed);
    }

    [Fact]
    public void Other_processor_is_a_miss()
    {
        HitRule.Evaluate(Entry("2019-02-05T04:42:37Z"), Feed("2019-02-05T04:42:37Z"), "p2")
            .Reason.ShouldBe(MissReason.ProcessorChanged);
    }

    [Fact]
    public void Request_without_processor_ignores_it()
    {
        HitRule.Evaluate(Entry("2019-02-05T04:42:37Z"), Feed("2019-02-05T04:42:37Z"), null).IsHit.ShouldBeTrue();
    }

    [Fact]
    public void Unparsable_stored_pushed_at_is_malformed()
    {
        HitRule.Evaluate(Entry("last tuesday"), Feed("2019-02-05T04:42:37Z"), "p1").Reason.ShouldBe(MissReason.Malformed);
    }
}
