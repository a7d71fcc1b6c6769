using RepoCache.Kv.Rest;
using RepoCache.Kv.Semantics;

namespace RepoCache.Kv.Tests.Rest;

public sealed class PercentDecoderTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a%2Fb", "a/b")]
    [InlineData("a%252Fb", "a%2Fb")]
    [InlineData("%C3%A9", "\u00e9")]
    [InlineData("%f0%9f%98%80", "\U0001F600")]
    [InlineData("a+b", "a+b")]
    [InlineData("\u00e9%20", "\u00e9 ")]
    public void Segment_is_decoded_exactly_once(string raw, string expected)
    {
        PercentDecoder.Decode(raw, "key").ShouldBe(expected);
    }

    [Theory]
    [InlineData("%", 0)]
    [InlineData("ab%4", 2)]
    [InlineData("%4g", 0)]
    [InlineData("x%%41", 1)]
    public void Malformed_escape_names_its_position(string raw, int position)
    {
        var error = Should.Throw<KvException>(() => PercentDecoder.Decode(raw, "key"));

        error.StatusCode.ShouldBe(400);
        error.Message.ShouldContain($"at character {position}");
    }

    [Theory]
    [InlineData("%FF")]
    [InlineData("%C3")]
    [InlineData("%ED%A0%80")]
    public void Bytes_that_are_not_utf8_are_rejected(string raw)
    {
        var error = Should.Throw<KvException>(() => PercentDecoder.Decode(raw, "key"));

        error.Message.ShouldContain("not valid UTF-8");
    }
}
