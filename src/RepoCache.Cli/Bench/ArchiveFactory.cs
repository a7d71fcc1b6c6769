using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace RepoCache.Cli.Bench;

/// <summary>
/// Writes deterministic GitHub-style tarballs: one top folder <c>{owner}-{name}-{sha}/</c>, nested source folders,
/// text files of a few hundred to tens of thousands of bytes, and one binary file.
/// </summary>
internal static class ArchiveFactory
{
    private static readonly string[] Folders = ["", "src/", "src/lib/", "docs/", "tests/", ".github/workflows/"];
    private static readonly string[] Extensions = [".cs", ".py", ".md", ".json", ".yml", ".ts"];

    /// <summary>Writes archive number <paramref name="index"/> to <paramref name="path"/> and returns its uncompressed content bytes.</summary>
    public static async Task<long> WriteAsync(string path, int index, CancellationToken cancellationToken)
    {
        var random = new Random(index);
        long contentBytes = 0;

        await using var file = File.Create(path);
        await using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        await using var tar = new TarWriter(gzip, TarEntryFormat.Pax);

        var top = $"bench-owner-repository-{index}-{index:x7}/";
        await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.Directory, top), cancellationToken);
        foreach (var folder in Folders.Skip(1))
        {
            await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.Directory, top + folder), cancellationToken);
        }

        var files = random.Next(10, 40);
        for (var i = 0; i < files; i++)
        {
            var name = $"{top}{Folders[random.Next(Folders.Length)]}file{i}{Extensions[random.Next(Extensions.Length)]}";
            var content = TextContent(random, random.Next(300, 20_000));
            contentBytes += content.Length;
            await WriteFileAsync(tar, name, content, cancellationToken);
        }

        var binary = new byte[random.Next(1_000, 50_000)];
        random.NextBytes(binary);
        contentBytes += binary.Length;
        await WriteFileAsync(tar, top + "assets/logo.png", binary, cancellationToken);

        return contentBytes;
    }

    private static async Task WriteFileAsync(TarWriter tar, string name, byte[] content, CancellationToken cancellationToken)
    {
        var entry = new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content) };
        await tar.WriteEntryAsync(entry, cancellationToken);
    }

    private static byte[] TextContent(Random random, int length)
    {
        var builder = new StringBuilder(length + 80);
        while (builder.Length < length)
        {
            builder.Append("    value").Append(random.Next(1_000)).Append(" = compute(").Append(random.Next(100)).Append(");\n");
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }
}
