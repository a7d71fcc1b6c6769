using RepoCache.Proxy.Contract;

namespace RepoCache.Proxy.Tests;

public class PushedAtTests
{
    [Theory]
    [InlineData("2019-02-05T04:42:37.000Z")]
    [InlineData("2019-02-05T04:42:37Z")]
    [InlineData("2019-02-05T05:42:37+01:00")]
    [InlineData("2019-02-05T04:42:37.999Z")]
    [InlineData("2019-02-05T04:42:37.123456Z")]
    [InlineData("2019-02-05t04:42:37z")]
    [InlineData("2019-02-04T23:42:37-05:00")]
    [InlineData(" 2019-02-05T04:42:37Z ")]
    public void Spellings_parse_to_the_same_instant(string text)
    {
        PushedAt.TryParse(text, out var instant).ShouldBeTrue();

        PushedAt.Format(instant!.Value).ShouldBe("2019-02-05T04:42:37Z");
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2019-02-05T04:42:37")]
    [InlineData("2019-02-30T04:42:37Z")]
    [InlineData("05/02/2019 04:42:37Z")]
    [InlineData("Feb 5 2019 04:42:37Z")]
    [InlineData("2019-02-05Z")]
    [InlineData("2019-02-05T04:42Z")]
    [InlineData("2019-02-05T04:42:37+01")]
    [InlineData(null)]
    public void Invalid_text_is_rejected(string? text)
    {
        PushedAt.TryParse(text, out _).ShouldBeFalse();
    }

    [Fact]
    public void Millisecond_spelling_round_trips()
    {
        PushedAt.TryParse("2021-03-04T05:06:07Z", out var instant).ShouldBeTrue();

        PushedAt.FormatWithMilliseconds(instant!.Value).ShouldBe("2021-03-04T05:06:07.000Z");
    }
}
