using System.Text.Json;
using RepoCache.Proxy.Caching;
using RepoCache.Proxy.Contract;

namespace RepoCache.Proxy.Tests;

public class CacheEntryReaderTests
{
    private const string Usual =
        """{"owner":"octo","name":"repo","pushedAt":"2020-01-01T00:00:00Z","processedAt":"2020-01-02T00:00:00Z","status":"complete","processor":"p1","digest":{"path":"d/octo/repo.txt","bytes":42,"sha256":"ab"},"error":null}""";

    private static readonly JsonSerializerOptions ReferenceOptions = new()
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static TheoryData<string> Texts() =>
    [
        Usual,
        """  {"error":"boom","digest":null,"processor":null,"status":"failed","processedAt":"x","pushedAt":null,"name":"n","owner":"o"}  """,
        """{"owner":"o\u0063to","name":"r\"e","pushedAt":null,"processedAt":"p","status":"complete","processor":"\u00e9","digest":null,"error":null}""",
        """{"owner":"o","name":"n","pushedAt":null,"processedAt":"p","status":"complete","processor":null,"digest":null}""",
        """{"owner":"o","name":"n","pushedAt":null,"processedAt":"p","status":"complete","processor":null,"digest":null,"error":null,"extra":1}""",
        """{"owner":"o","owner":"x","name":"n","pushedAt":null,"processedAt":"p","status":"complete","processor":null,"digest":null,"error":null}""",
        """{"\u006fwner":"o","name":"n","pushedAt":null,"processedAt":"p","status":"complete","processor":null,"digest":null,"error":null}""",
        """{"Owner":"o","name":"n","pushedAt":null,"processedAt":"p","status":"complete","processor":null,"digest":null,"error":null}""",
        """{"owner":null,"name":"n","pushedAt":null,"processedAt":"p","status":"complete","processor":null,"digest":null,"error":null}""",
        """{"owner":"o","name":"n","pushedAt":5,"processedAt":"p","status":"complete","processor":null,"digest":null,"error":null}""",
        """{"owner":"o","name":"n","pushedAt":null,"processedAt":"p","status":"complete","processor":null,"digest":{"path":"a","bytes":1.5,"sha256":"s"},"error":null}""",
        """{"owner":"o","name":"n","pushedAt":null,"processedAt":"p","status":"complete","processor":null,"digest":{"path":"a","bytes":"1","sha256":"s"},"error":null}""",
        """{"owner":"o","name":"n","pushedAt":null,"processedAt":"p","status":"complete","processor":null,"digest":{"path":"a","sha256":"s"},"error":null}""",
        """{"owner":"o","name":"n","pushedAt":null,"processedAt":"p","status":"complete","processor":null,"digest":{"path":"a","bytes":9223372036854775807,"sha256":"s","x":1},"error":null}""",
        """{"owner":"o","name":"n","pushedAt":null,"processedAt":"p","status":"complete","processor":null,"digest":[],"error":null}""",
        """{"owner":"o","name":"n","pushedAt":null,"processedAt":"p","status":"complete","processor":null,"digest":null,"error":null} x""",
        """{"owner":"o","name":"n","pushedAt":null,"processedAt":"p","status":"complete","processor":null,"digest":null,"error":null,}""",
        """{"owner":"o",/* c */"name":"n","pushedAt":null,"processedAt":"p","status":"complete","processor":null,"digest":null,"error":null}""",
        """{"owner":"o","name":"n","pushedAt":null,"processedAt":"p","status":"complete","processor":null,"digest":null,"error":null""",
        """[]""",
        """null""",
        "",
        "not json",
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public void Codec_agrees_with_the_serializer(string text)
    {
        CacheEntryCodec.TryDeserialize(text).ShouldBe(Reference(text));
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Quick_reader_never_contradicts_the_serializer(string text)
    {
        var quick = CacheEntryReader.TryRead(text);

        if (quick is not null)
        {
            quick.ShouldBe(Reference(text));
        }
    }

    [Fact]
    public void Usual_entry_is_read_quickly()
    {
        var entry = CacheEntryReader.TryRead(Usual).ShouldNotBeNull();

        entry.Digest.ShouldBe(new DigestInfo("d/octo/repo.txt", 42, "ab"));
        entry.Status.ShouldBe(CacheStatus.Complete);
    }

    [Fact]
    public void Entry_longer_than_the_stack_buffer_is_read()
    {
        var error = new string('e', 5000);
        var text = $$"""{"owner":"o","name":"n","pushedAt":null,"processedAt":"p","status":"failed","processor":null,"digest":null,"error":"{{error}}"}""";

        CacheEntryReader.TryRead(text).ShouldNotBeNull().Error.ShouldBe(error);
    }

    private static CacheEntry? Reference(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<CacheEntry>(text, ReferenceOptions);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
