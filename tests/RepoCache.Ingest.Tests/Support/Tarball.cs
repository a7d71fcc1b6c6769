using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace RepoCache.Ingest.Tests.Support;

/// <summary>Builds gzip tarballs shaped like GitHub's: a pax global header, then one top folder holding every entry.</summary>
public sealed class Tarball
{
    private static readonly DateTimeOffset FixedTime = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private readonly List<PaxTarEntry> _entries = [];
    private readonly List<byte[]?> _data = [];

    public Tarball(string topFolder = "owner-repo-0123abc")
    {
        TopFolder = topFolder;
        if (topFolder.Length > 0)
        {
            Raw(TarEntryType.Directory, topFolder + "/");
        }
    }

    public string TopFolder { get; }

    public Tarball File(string path, string content) => File(path, Encoding.UTF8.GetBytes(content));

    public Tarball File(string path, byte[] content) => Raw(TarEntryType.RegularFile, Prefixed(path), content);

    public Tarball Folder(string path) => Raw(TarEntryType.Directory, Prefixed(path) + "/");

    public Tarball SymbolicLink(string path, string target) => Raw(TarEntryType.SymbolicLink, Prefixed(path), linkName: target);

    public Tarball HardLink(string path, string target) => Raw(TarEntryType.HardLink, Prefixed(path), linkName: target);

    public Tarball CharacterDevice(string path) => Raw(TarEntryType.CharacterDevice, Prefixed(path));

    /// <summary>Adds an entry whose name is used exactly as given, without the top folder.</summary>
    public Tarball Raw(TarEntryType type, string name, byte[]? content = null, string? linkName = null)
    {
        var entry = new PaxTarEntry(type, name) { ModificationTime = FixedTime, Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite };
        if (linkName is not null)
        {
            entry.LinkName = linkName;
        }

        _entries.Add(entry);
        _data.Add(content);
        return this;
    }

    public byte[] ToGzipBytes()
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            WriteTar(gzip);
        }

        return output.ToArray();
    }

    public byte[] ToTarBytes()
    {
        using var output = new MemoryStream();
        WriteTar(output);
        return output.ToArray();
    }

    public string WriteTo(string path)
    {
        System.IO.File.WriteAllBytes(path, ToGzipBytes());
        return path;
    }

    private void WriteTar(Stream stream)
    {
        using var writer = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: true);
        writer.WriteEntry(new PaxGlobalExtendedAttributesTarEntry(new Dictionary<string, string> { ["comment"] = "0123abc" }));
        for (var i = 0; i < _entries.Count; i++)
        {
            if (_data[i] is { } content)
            {
                _entries[i].DataStream = new MemoryStream(content);
            }

            writer.WriteEntry(_entries[i]);
        }
    }

    private string Prefixed(string path) => TopFolder.Length == 0 ? path : $"{TopFolder}/{path}";
}
