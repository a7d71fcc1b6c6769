using System.Security.Cryptography;
using System.Text;
using RepoCache.Kv.Semantics;
using RepoCache.Kv.Tests.Support;

namespace RepoCache.Kv.Tests.Binding;

public abstract class ValueTests(StoreKind store) : EmulatorTestBase(store)
{
    public sealed class InMemory() : ValueTests(StoreKind.InMemory);

    public sealed class LiteDb() : ValueTests(StoreKind.LiteDb);

    [Fact]
    public async Task Value_of_26214400_bytes_round_trips_byte_exact()
    {
        var value = RandomNumberGenerator.GetBytes(KvLimits.MaxValueBytes);

        await Kv.PutAsync("big", value);
        var read = await Kv.GetBytesAsync("big");

        read.ShouldNotBeNull();
        read.Length.ShouldBe(KvLimits.MaxValueBytes);
        SHA256.HashData(read).ShouldBe(SHA256.HashData(value));
    }

    [Fact]
    public async Task Value_of_26214401_bytes_is_rejected_with_413()
    {
        var error = await ShouldFail(() => Kv.PutAsync("big", new byte[KvLimits.MaxValueBytes + 1]));

        error.StatusCode.ShouldBe(413);
        error.Message.ShouldBe("KV PUT failed: 413 Value length of 26214401 exceeds limit of 26214400.");
    }

    [Fact]
    public async Task Rejected_put_leaves_the_old_value()
    {
        await Kv.PutTextAsync("k", "old");

        await ShouldFail(() => Kv.PutAsync("k", new byte[KvLimits.MaxValueBytes + 1]));

        (await Kv.GetTextAsync("k")).ShouldBe("old");
    }

    [Fact]
    public async Task Empty_value_reads_back_as_empty_not_missing()
    {
        await Kv.PutTextAsync("empty", "");

        (await Kv.GetTextAsync("empty")).ShouldBe("");
        (await Kv.GetBytesAsync("empty")).ShouldBe([]);
    }

    [Fact]
    public async Task Missing_key_reads_as_null_in_every_form()
    {
        (await Kv.GetWithMetadataAsync("absent")).ShouldBeNull();
        (await Kv.GetTextAsync("absent")).ShouldBeNull();
        (await Kv.GetBytesAsync("absent")).ShouldBeNull();
        (await Kv.GetJsonAsync("absent")).ShouldBeNull();
        (await Kv.GetStreamAsync("absent")).ShouldBeNull();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(64 * 1024)]
    [InlineData((64 * 1024) + 1)]
    [InlineData(1024 * 1024)]
    [InlineData((3 * 1024 * 1024) + 7)]
    public async Task Values_around_storage_boundaries_round_trip(int length)
    {
        var value = RandomNumberGenerator.GetBytes(length);

        await Kv.PutAsync("v", value);

        (await Kv.GetBytesAsync("v")).ShouldBe(value);
    }

    [Fact]
    public async Task Chunked_value_overwrites_stay_byte_exact()
    {
        var large = RandomNumberGenerator.GetBytes((2 * 1024 * 1024) + 3);
        var small = RandomNumberGenerator.GetBytes(10);
        var larger = RandomNumberGenerator.GetBytes((3 * 1024 * 1024) + 5);

        await Kv.PutAsync("v", large);
        await Kv.PutAsync("v", small);
        (await Kv.GetBytesAsync("v")).ShouldBe(small);

        await Kv.PutAsync("v", larger);
        (await Kv.GetBytesAsync("v")).ShouldBe(larger);
    }

    [Fact]
    public async Task Put_replaces_value_and_delete_removes_it()
    {
        await Kv.PutTextAsync("k", "one");
        await Kv.PutTextAsync("k", "two");
        (await Kv.GetTextAsync("k")).ShouldBe("two");

        await Kv.DeleteAsync("k");

        (await Kv.GetTextAsync("k")).ShouldBeNull();
    }

    [Fact]
    public async Task Deleting_a_missing_key_succeeds()
    {
        await Should.NotThrowAsync(() => Kv.DeleteAsync("never-written"));
    }

    [Fact]
    public async Task Json_helpers_round_trip_a_record()
    {
        await Kv.PutJsonAsync("repo", new Sample("alphagov", 3));

        var typed = await Kv.GetJsonAsync<Sample>("repo");
        var element = await Kv.GetJsonAsync("repo");

        typed.ShouldBe(new Sample("alphagov", 3));
        element.ShouldNotBeNull();
        element.Value.GetProperty("owner").GetString().ShouldBe("alphagov");
        (await Kv.GetTextAsync("repo")).ShouldBe("{\"owner\":\"alphagov\",\"stars\":3}");
    }

    [Fact]
    public async Task Json_read_of_text_value_is_rejected()
    {
        await Kv.PutTextAsync("plain", "not json");

        var error = await ShouldFail(() => Kv.GetJsonAsync("plain"));

        error.StatusCode.ShouldBe(400);
        error.ErrorCode.ShouldBe(KvErrorCodes.ValueNotJson);
        error.Message.ShouldContain("'plain'");
    }

    [Fact]
    public async Task Stream_read_returns_the_exact_bytes()
    {
        var value = Encoding.UTF8.GetBytes("stream \U0001F600 body");
        await Kv.PutAsync("s", value);

        await using var stream = await Kv.GetStreamAsync("s");
        stream.ShouldNotBeNull();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);

        copy.ToArray().ShouldBe(value);
    }

    [Fact]
    public async Task Stored_value_is_a_copy()
    {
        var value = new byte[] { 1, 2, 3 };
        await Kv.PutAsync("k", value);

        value[0] = 9;

        (await Kv.GetBytesAsync("k")).ShouldBe(new byte[] { 1, 2, 3 });
    }

    [Fact]
    public async Task Cache_ttl_of_30_is_accepted_and_29_rejected()
    {
        await Kv.PutTextAsync("k", "v");

        (await Kv.GetTextAsync("k", new KvGetOptions(CacheTtl: 30))).ShouldBe("v");
        var error = await ShouldFail(() => Kv.GetTextAsync("k", new KvGetOptions(CacheTtl: 29)));

        error.StatusCode.ShouldBe(400);
        error.Message.ShouldBe("KV GET failed: 400 Invalid cache_ttl of 29. Cache TTL must be at least 30.");
    }

    [Fact]
    public void Invalid_put_returns_a_faulted_task()
    {
        var task = Kv.PutAsync("", new byte[] { 1 });

        task.IsFaulted.ShouldBeTrue();
        task.Exception!.InnerException.ShouldBeOfType<KvException>();
    }

    [Fact]
    public async Task Canceled_token_cancels_without_writing()
    {
        using var canceled = new CancellationTokenSource();
        await canceled.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => Kv.PutTextAsync("k", "v", cancellationToken: canceled.Token));

        (await Kv.GetTextAsync("k")).ShouldBeNull();
    }

    public sealed record Sample(string Owner, int Stars);
}
