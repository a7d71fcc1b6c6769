using System.Formats.Tar;
using Microsoft.Extensions.Logging.Abstractions;
using RepoCache.Ingest.Extraction;
using RepoCache.Ingest.Tests.Support;

namespace RepoCache.Ingest.Tests;

public sealed class SafeTarExtractorTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<(ExtractionResult Result, string Target)> Extract(Tarball tarball, ExtractionLimits? limits = null)
    {
        var archive = tarball.WriteTo(_temp.Combine("archive.tar.gz"));
        var target = _temp.Combine("work", "repository");
        var extractor = new SafeTarExtractor(limits ?? ExtractionLimits.Default, NullLogger<SafeTarExtractor>.Instance);
        return (await extractor.ExtractAsync(archive, target, CancellationToken.None), target);
    }

    private string[] FilesUnder(string folder) =>
        Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(folder, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();

    [Fact]
    public async Task Top_folder_is_stripped()
    {
        var (result, target) = await Extract(new Tarball().File("README.md", "hello").File("src/main.c", "int main;"));

        FilesUnder(target).ShouldBe(["README.md", "src", "src/main.c"]);
        File.ReadAllText(Path.Combine(target, "src", "main.c")).ShouldBe("int main;");
        result.FilesWritten.ShouldBe(2);
        result.BytesWritten.ShouldBe(14);
    }

    [Fact]
    public async Task Dot_dot_entry_is_skipped()
    {
        var tarball = new Tarball()
            .File("ok.txt", "fine")
            .Raw(TarEntryType.RegularFile, "owner-repo-0123abc/../../escaped.txt", "evil"u8.ToArray())
            .Raw(TarEntryType.RegularFile, "owner-repo-0123abc/a/../../../escaped2.txt", "evil"u8.ToArray());

        var (result, target) = await Extract(tarball);

        FilesUnder(target).ShouldBe(["ok.txt"]);
        FilesUnder(_temp.Path).ShouldBe(["archive.tar.gz", "work", "work/repository", "work/repository/ok.txt"]);
        result.Skipped.Count.ShouldBe(2);
        result.Skipped.ShouldAllBe(entry => entry.Reason.Contains(".."));
    }

    [Fact]
    public async Task Absolute_entry_is_skipped()
    {
        var tarball = new Tarball().Raw(TarEntryType.RegularFile, "/tmp/repocache-absolute-test.txt", "evil"u8.ToArray());

        var (result, target) = await Extract(tarball);

        FilesUnder(target).ShouldBeEmpty();
        result.Skipped.ShouldHaveSingleItem().Reason.ShouldContain("absolute path");
        File.Exists("/tmp/repocache-absolute-test.txt").ShouldBeFalse();
    }

    [Fact]
    public async Task Symbolic_links_are_recorded_but_never_created()
    {
        var tarball = new Tarball()
            .SymbolicLink("etc", "/etc")
            .SymbolicLink("up", "../..")
            .File("etc-copy/passwd", "not the real one");

        var (result, target) = await Extract(tarball);

        result.SymbolicLinks.ShouldBe([new SymbolicLinkEntry("etc", "/etc"), new SymbolicLinkEntry("up", "../..")]);
        Path.Exists(Path.Combine(target, "etc")).ShouldBeFalse();
        Path.Exists(Path.Combine(target, "up")).ShouldBeFalse();
    }

    [Fact]
    public async Task File_written_through_a_link_name_stays_inside()
    {
        // A link to /etc followed by a file under the link's name must create a plain folder, never touch /etc.
        var tarball = new Tarball().SymbolicLink("etc", "/etc").File("etc/repocache-through-link.txt", "x");

        var (_, target) = await Extract(tarball);

        File.Exists(Path.Combine(target, "etc", "repocache-through-link.txt")).ShouldBeTrue();
        File.Exists("/etc/repocache-through-link.txt").ShouldBeFalse();
    }

    [Fact]
    public async Task Hard_links_and_devices_are_skipped_with_reasons()
    {
        var tarball = new Tarball().File("a.txt", "a").HardLink("b.txt", "owner-repo-0123abc/a.txt").CharacterDevice("null");

        var (result, target) = await Extract(tarball);

        FilesUnder(target).ShouldBe(["a.txt"]);
        result.Skipped.Select(entry => entry.Reason).ShouldBe(["hard link to 'owner-repo-0123abc/a.txt' is not extracted", "device file is not extracted"]);
    }

    [Fact]
    public async Task Archive_over_entry_bound_is_rejected()
    {
        var tarball = new Tarball().File("1", "1").File("2", "2").File("3", "3");

        var exception = await Should.ThrowAsync<ArchiveRejectedException>(() => Extract(tarball, new ExtractionLimits(1 << 20, 1 << 20, 3)));

        exception.Message.ShouldContain("more than 3 entries");
    }

    [Fact]
    public async Task Archive_over_size_bound_is_rejected()
    {
        var tarball = new Tarball().File("big.bin", new byte[5_000]);

        var exception = await Should.ThrowAsync<ArchiveRejectedException>(() => Extract(tarball, new ExtractionLimits(1 << 20, 4_096, 100)));

        exception.Message.ShouldContain("more than 4096 bytes");
    }

    [Fact]
    public async Task Corrupt_archive_is_rejected()
    {
        var bytes = new Tarball().File("a.txt", new string('x', 10_000)).ToGzipBytes();
        var archive = _temp.Combine("broken.tar.gz");
        File.WriteAllBytes(archive, bytes[..(bytes.Length / 2)]);
        var extractor = new SafeTarExtractor(ExtractionLimits.Default, NullLogger<SafeTarExtractor>.Instance);

        await Should.ThrowAsync<ArchiveRejectedException>(() => extractor.ExtractAsync(archive, _temp.Combine("out"), CancellationToken.None));
    }

    [Fact]
    public async Task Plain_tar_is_accepted()
    {
        var archive = _temp.Combine("plain.tar");
        File.WriteAllBytes(archive, new Tarball().File("a.txt", "plain").ToTarBytes());
        var extractor = new SafeTarExtractor(ExtractionLimits.Default, NullLogger<SafeTarExtractor>.Instance);

        var result = await extractor.ExtractAsync(archive, _temp.Combine("out"), CancellationToken.None);

        result.FilesWritten.ShouldBe(1);
    }

    [Fact]
    public async Task Empty_download_gives_empty_result()
    {
        var archive = _temp.Combine("empty");
        File.WriteAllBytes(archive, []);
        var extractor = new SafeTarExtractor(ExtractionLimits.Default, NullLogger<SafeTarExtractor>.Instance);

        var result = await extractor.ExtractAsync(archive, _temp.Combine("out"), CancellationToken.None);

        result.FilesWritten.ShouldBe(0);
        result.Skipped.ShouldBeEmpty();
    }

    [Fact]
    public async Task Entry_beside_top_folder_is_skipped()
    {
        var tarball = new Tarball().Raw(TarEntryType.RegularFile, "stray.txt", "x"u8.ToArray());

        var (result, _) = await Extract(tarball);

        result.Skipped.ShouldHaveSingleItem().Reason.ShouldContain("top folder");
    }
}
