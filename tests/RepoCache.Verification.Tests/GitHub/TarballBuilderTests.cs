using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using RepoCache.Verification.GitHub;

namespace RepoCache.Verification.Tests.GitHub;

public sealed class TarballBuilderTests
{
    private static readonly UpstreamRepository Repository = new("BathnesDevelopment", "Scripts", new DateTimeOffset(2015, 2, 19, 22, 33, 33, TimeSpan.Zero));

    [Fact]
    public void Same_state_gives_same_bytes()
    {
        var first = TarballBuilder.Build(Repository);
        var second = TarballBuilder.Build(Repository with { });

        first.SequenceEqual(second).ShouldBeTrue();
    }

    [Fact]
    public void Later_push_changes_content()
    {
        var later = Repository with { PushedAt = Repository.PushedAt!.Value.AddDays(1) };

        TarballBuilder.Build(later).SequenceEqual(TarballBuilder.Build(Repository)).ShouldBeFalse();
        later.ContentMarker.ShouldNotBe(Repository.ContentMarker);
    }

    [Fact]
    public void Marker_ignores_name_case()
    {
        var lower = new UpstreamRepository("bathnesdevelopment", "scripts", Repository.PushedAt);

        lower.ContentMarker.ShouldBe(Repository.ContentMarker);
    }

    [Fact]
    public void Archive_has_one_top_folder_nested_text_and_binary_files()
    {
        var entries = ReadEntries(TarballBuilder.Build(Repository));

        var root = $"BathnesDevelopment-Scripts-{Repository.CommitSha[..7]}/";
        entries.Keys.ShouldAllBe(name => name.StartsWith(root, StringComparison.Ordinal));
        entries.Keys.ShouldContain(root + "src/config/nested/");
        Encoding.UTF8.GetString(entries[root + "README.md"]).ShouldContain($"Content marker: {Repository.ContentMarker}");
        entries[root + "src/config/nested/settings.toml"].Length.ShouldBeGreaterThan(0);
        entries[root + "assets/logo.bin"].ShouldContain((byte)0);
    }

    [Fact]
    public void Never_pushed_repository_still_builds()
    {
        var neverPushed = Repository with { PushedAt = null };

        var entries = ReadEntries(TarballBuilder.Build(neverPushed));

        neverPushed.PushedAtText.ShouldBe("never");
        entries.Count.ShouldBeGreaterThan(5);
    }

    private static Dictionary<string, byte[]> ReadEntries(byte[] tarball)
    {
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using var gzip = new GZipStream(new MemoryStream(tarball), CompressionMode.Decompress);
        using var reader = new TarReader(gzip);
        while (reader.GetNextEntry() is { } entry)
        {
            using var content = new MemoryStream();
            entry.DataStream?.CopyTo(content);
            entries[entry.Name] = content.ToArray();
        }

        return entries;
    }
}
