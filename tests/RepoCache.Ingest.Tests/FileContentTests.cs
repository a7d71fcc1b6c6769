using System.Text;
using RepoCache.Ingest.Digest;

namespace RepoCache.Ingest.Tests;

public sealed class FileContentTests
{
    [Fact]
    public void Nul_in_probe_window_means_binary()
    {
        FileContent.Decode([0x41, 0x00, 0x42]).ShouldBeNull();
    }

    [Fact]
    public void Nul_after_probe_window_is_still_text()
    {
        var bytes = Enumerable.Repeat((byte)'a', FileContent.BinaryProbeBytes).Append((byte)0).ToArray();

        FileContent.Decode(bytes).ShouldNotBeNull();
    }

    [Fact]
    public void Utf16_big_endian_with_bom_is_decoded()
    {
        FileContent.Decode([0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes("abc")]).ShouldBe("abc");
    }

    [Fact]
    public void Utf8_bom_is_dropped()
    {
        FileContent.Decode([0xEF, 0xBB, 0xBF, 0x61]).ShouldBe("a");
    }

    [Fact]
    public void Empty_file_is_empty_text()
    {
        FileContent.Decode([]).ShouldBe("");
    }
}
