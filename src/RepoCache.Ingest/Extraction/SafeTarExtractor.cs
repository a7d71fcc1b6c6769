using System.Formats.Tar;
using System.IO.Compression;
using Microsoft.Extensions.Logging;

namespace RepoCache.Ingest.Extraction;

/// <summary>
/// Extracts a GitHub tarball (gzip or plain tar) into a work folder without ever writing outside it. GitHub's
/// single top folder (<c>{owner}-{repo}-{sha}/</c>) is stripped. Entries with <c>..</c> or absolute paths,
/// hard links and device files are skipped with a reason; symbolic links are recorded and never created.
/// </summary>
public sealed class SafeTarExtractor(ExtractionLimits limits, ILogger<SafeTarExtractor> logger)
{
    private const int CopyBufferBytes = 81_920;

    /// <summary>Extracts <paramref name="archivePath"/> into the empty folder <paramref name="targetDirectory"/>.</summary>
    /// <exception cref="ArchiveRejectedException">The archive is corrupt or over a bound of <see cref="ExtractionLimits"/>.</exception>
    public async Task<ExtractionResult> ExtractAsync(string archivePath, string targetDirectory, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(targetDirectory);
        Directory.CreateDirectory(root);

        var links = new List<SymbolicLinkEntry>();
        var skipped = new List<SkippedEntry>();
        var files = 0;
        long bytes = 0;
        var entries = 0;

        await using var archive = await OpenAsync(archivePath, cancellationToken);
        if (archive is null)
        {
            return new ExtractionResult(0, 0, links, skipped);
        }

        try
        {
            await using var reader = new TarReader(archive, leaveOpen: true);
            while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
            {
                entries++;
                if (entries > limits.MaxEntries)
                {
                    throw new ArchiveRejectedException(
                        $"The archive has more than {limits.MaxEntries} entries; raise --max-archive-entries to accept it.");
                }

                // GitHub's pax global header carries the commit id; its name is synthetic and names no file.
                if (entry.EntryType == TarEntryType.GlobalExtendedAttributes)
                {
                    continue;
                }

                var placement = ArchivePath.Place(entry.Name, root);
                if (placement.SkipReason is not null)
                {
                    AddSkipped(skipped, entry.Name, placement.SkipReason);
                    continue;
                }

                if (placement.RelativePath is null)
                {
                    if (entry.EntryType != TarEntryType.Directory)
                    {
                        AddSkipped(skipped, entry.Name, "entry sits beside the archive's top folder instead of inside it");
                    }

                    continue;
                }

                switch (entry.EntryType)
                {
                    case TarEntryType.Directory:
                        CreateDirectory(placement.FullPath!, entry.Name, skipped);
                        break;

                    case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                        if (bytes + entry.Length > limits.MaxExtractedBytes)
                        {
                            throw new ArchiveRejectedException(
                                $"The archive expands to more than {limits.MaxExtractedBytes} bytes; raise --max-extracted-bytes to accept it.");
                        }

                        if (await WriteFileAsync(entry, placement.FullPath!, skipped, cancellationToken) is { } written)
                        {
                            files++;
                            bytes += written;
                        }

                        break;

                    case TarEntryType.SymbolicLink:
                        links.Add(new SymbolicLinkEntry(placement.RelativePath, entry.LinkName));
                        break;

                    case TarEntryType.HardLink:
                        AddSkipped(skipped, entry.Name, $"hard link to '{entry.LinkName}' is not extracted");
                        break;

                    case TarEntryType.CharacterDevice or TarEntryType.BlockDevice:
                        AddSkipped(skipped, entry.Name, "device file is not extracted");
                        break;

                    case TarEntryType.Fifo:
                        AddSkipped(skipped, entry.Name, "FIFO is not extracted");
                        break;

                    default:
                        AddSkipped(skipped, entry.Name, $"entry type {entry.EntryType} is not supported");
                        break;
                }
            }
        }
        // NOTE: in a test, System.Formats.Tar (.NET 10) could not read back the PAX header that its own TarWriter wrote
        // for a path containing a newline, so such an archive is rejected here as a whole instead of skipping that entry.
        catch (Exception exception) when (exception is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw new ArchiveRejectedException($"The archive is not a valid gzip tar file: {exception.Message}", exception);
        }

        return new ExtractionResult(files, bytes, links, skipped);
    }

    // Returns null for an empty download, which is treated as an empty repository.
    private static async Task<Stream?> OpenAsync(string archivePath, CancellationToken cancellationToken)
    {
        var file = new FileStream(archivePath, FileMode.Open, FileAccess.Read, FileShare.Read, CopyBufferBytes, useAsync: true);
        var magic = new byte[2];
        var read = await file.ReadAtLeastAsync(magic, 2, throwOnEndOfStream: false, cancellationToken);
        if (read == 0)
        {
            await file.DisposeAsync();
            return null;
        }

        file.Position = 0;
        return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b ? new GZipStream(file, CompressionMode.Decompress) : file;
    }

    private void CreateDirectory(string fullPath, string entryName, List<SkippedEntry> skipped)
    {
        try
        {
            Directory.CreateDirectory(fullPath);
        }
        catch (IOException exception)
        {
            AddSkipped(skipped, entryName, $"folder cannot be created: {exception.Message}");
        }
    }

    private async Task<long?> WriteFileAsync(TarEntry entry, string fullPath, List<SkippedEntry> skipped, CancellationToken cancellationToken)
    {
        if (Directory.Exists(fullPath))
        {
            AddSkipped(skipped, entry.Name, "a folder with the same path is already extracted");
            return null;
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
            await using var target = new FileStream(fullPath, FileMode.Create, FileAccess.Write, FileShare.None, CopyBufferBytes, useAsync: true);
            if (entry.DataStream is { } data)
            {
                await data.CopyToAsync(target, CopyBufferBytes, cancellationToken);
            }

            return target.Length;
        }
        catch (IOException exception) when (exception is not EndOfStreamException)
        {
            AddSkipped(skipped, entry.Name, $"file cannot be written: {exception.Message}");
            return null;
        }
    }

    private void AddSkipped(List<SkippedEntry> skipped, string entryName, string reason)
    {
        logger.LogDebug("Skipped archive entry {Entry}: {Reason}", entryName, reason);
        skipped.Add(new SkippedEntry(entryName, reason));
    }
}
