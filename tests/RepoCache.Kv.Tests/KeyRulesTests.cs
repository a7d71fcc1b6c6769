using RepoCache.Kv.Semantics;

namespace RepoCache.Kv.Tests;

public class KeyRulesTests
{
    [Fact]
    public void Empty_key_is_rejected_with_400()
    {
        var error = Should.Throw<KvException>(() => KeyRules.Validate("", "GET"));

        error.StatusCode.ShouldBe(400);
        error.Message.ShouldBe("Key name cannot be empty.");
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public void Dot_keys_are_rejected_naming_the_key(string key)
    {
        var error = Should.Throw<KvException>(() => KeyRules.Validate(key, "PUT"));

        error.StatusCode.ShouldBe(400);
        error.Message.ShouldBe($"\"{key}\" is not allowed as a key name.");
    }

    [Fact]
    public void Key_of_512_bytes_is_accepted()
    {
        Should.NotThrow(() => KeyRules.Validate(new string('k', 512), "PUT"));
    }

    [Fact]
    public void Key_of_513_bytes_is_rejected_with_414()
    {
        var error = Should.Throw<KvException>(() => KeyRules.Validate(new string('k', 513), "DELETE"));

        error.StatusCode.ShouldBe(414);
        error.Message.ShouldBe("KV DELETE failed: 414 UTF-8 encoded length of 513 exceeds key length limit of 512.");
    }

    [Fact]
    public void Key_length_counts_utf8_bytes_not_characters()
    {
        // 171 characters of 3 bytes each = 513 bytes.
        var key = new string('€', 171);

        var error = Should.Throw<KvException>(() => KeyRules.Validate(key, "GET"));

        error.Message.ShouldContain("length of 513");
    }

    [Theory]
    [InlineData("...")]
    [InlineData("a/b")]
    [InlineData(" ")]
    [InlineData("%2F")]
    public void Other_keys_are_allowed(string key)
    {
        Should.NotThrow(() => KeyRules.Validate(key, "GET"));
    }
}
