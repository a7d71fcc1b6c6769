using System.Formats.Tar;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using RepoCache.Ingest.Digest;
using RepoCache.Ingest.Extraction;
using RepoCache.Ingest.Tests.Support;

namespace RepoCache.Ingest.Tests;

/// <summary>
/// Compares digests of generated archives with checked-in golden files. Set REPOCACHE_UPDATE_GOLDEN=1 to rewrite
/// the golden files after an intended format change (which must also change <see cref="GitIngestDigest.FormatVersion"/>).
/// </summary>
public sealed class DigestGoldenTests : IDisposable
{
    private const long SmallMaxFileSize = 512;
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public static Tarball MixedRepository()
    {
        var deepPath = string.Join('/', Enumerable.Range(1, 30).Select(i => $"level{i:00}")) + "/deep.txt";
        return new Tarball("acme-widgets-0123abc")
            .File("README.md", "# Widgets\n\nA test repository.\n")
            .File("src/main.c", "int main(void) { return 0; }")
            .File("assets/logo.png", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01, 0x02])
            .File("notes/invalid-utf8.txt", [0x63, 0x61, 0x66, 0xC3, 0x28, 0x20, 0xFF, 0x0A])
            .File("notes/utf16.txt", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("h\u00e9llo UTF-16\n")])
            .File("notes/utf8-bom.txt", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("with BOM\n")])
            .File("logs/big.log", new string('x', 600))
            .File("docs/\u65e5\u672c\u8a9e/\u8aac\u660e.md", "\u3053\u3093\u306b\u3061\u306f\n")
            .File(deepPath, "bottom\n")
            .Folder("empty-folder")
            .SymbolicLink("link-to-etc", "/etc")
            .SymbolicLink("docs/link-up", "../..")
            .SymbolicLink("link-to-readme", "README.md")
            .Raw(TarEntryType.RegularFile, "acme-widgets-0123abc/../escape.txt", "evil"u8.ToArray())
            .CharacterDevice("dev/null");
    }

    private async Task<byte[]> Digest(Tarball tarball, string owner, string name)
    {
        var folder = _temp.Combine(Guid.NewGuid().ToString("N"));
        var archive = tarball.WriteTo(folder + ".tar.gz");
        var extraction = await new SafeTarExtractor(ExtractionLimits.Default, NullLogger<SafeTarExtractor>.Instance)
            .ExtractAsync(archive, folder, CancellationToken.None);
        using var output = new MemoryStream();
        await new GitIngestDigest(SmallMaxFileSize).WriteAsync(new DigestInput(owner, name, folder, extraction), output, CancellationToken.None);
        return output.ToArray();
    }

    private static void MatchGolden(byte[] actual, string goldenName, [CallerFilePath] string sourceFile = "")
    {
        var sourceGolden = Path.Combine(Path.GetDirectoryName(sourceFile)!, "Golden", goldenName);
        if (Environment.GetEnvironmentVariable("REPOCACHE_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllBytes(sourceGolden, actual);
        }

        var expected = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Golden", goldenName));
        Encoding.UTF8.GetString(actual).ShouldBe(Encoding.UTF8.GetString(expected));
        actual.ShouldBe(expected);
    }

    [Fact]
    public async Task Mixed_repository_matches_golden_digest()
    {
        var digest = await Digest(MixedRepository(), "acme", "widgets");

        MatchGolden(digest, "mixed-repository.txt");
    }

    [Fact]
    public async Task Empty_repository_gives_empty_tree_digest()
    {
        var digest = await Digest(new Tarball("acme-empty-0123abc"), "acme", "empty");

        MatchGolden(digest, "empty-repository.txt");
    }

    [Fact]
    public async Task Same_archive_gives_same_bytes()
    {
        var first = await Digest(MixedRepository(), "acme", "widgets");
        var second = await Digest(MixedRepository(), "acme", "widgets");

        second.ShouldBe(first);
    }

    [Fact]
    public async Task Binary_file_is_listed_but_not_inlined()
    {
        var text = Encoding.UTF8.GetString(await Digest(MixedRepository(), "acme", "widgets"));

        text.ShouldContain("logo.png (binary, 8 bytes)");
        text.ShouldNotContain("FILE: assets/logo.png");
        text.ShouldContain("Binary files: 1\n");
    }

    [Fact]
    public async Task File_over_max_size_is_listed_as_skipped()
    {
        var text = Encoding.UTF8.GetString(await Digest(MixedRepository(), "acme", "widgets"));

        text.ShouldContain("- logs/big.log: 600 bytes, over the maximum file size of 512 bytes");
        text.ShouldNotContain("FILE: logs/big.log");
    }

    [Fact]
    public async Task Invalid_utf8_is_kept_with_replacement_characters()
    {
        var text = Encoding.UTF8.GetString(await Digest(MixedRepository(), "acme", "widgets"));

        text.ShouldContain("caf\uFFFD( \uFFFD\n");
    }

    [Fact]
    public async Task Utf16_with_bom_is_decoded()
    {
        var text = Encoding.UTF8.GetString(await Digest(MixedRepository(), "acme", "widgets"));

        text.ShouldContain("FILE: notes/utf16.txt\n================================================\nh\u00e9llo UTF-16\n");
    }

    [Fact]
    public async Task Links_show_their_targets()
    {
        var text = Encoding.UTF8.GetString(await Digest(MixedRepository(), "acme", "widgets"));

        text.ShouldContain("link-to-etc -> /etc\n");
        text.ShouldContain("link-up -> ../..\n");
        text.ShouldNotContain("root:");
    }

    [Fact]
    public async Task Control_characters_in_names_are_escaped()
    {
        var tarball = new Tarball("acme-odd-0123abc").File("tab\tname.txt", "text\n").SymbolicLink("bell", "target\u0007");

        var text = Encoding.UTF8.GetString(await Digest(tarball, "acme", "odd"));

        text.ShouldContain("├── bell -> target\\u0007\n");
        text.ShouldContain("└── tab\\u0009name.txt\n");
        text.ShouldContain("FILE: tab\\u0009name.txt\n");
    }
}
