namespace RepoCache.Ingest.Extraction;

/// <summary>What an extraction wrote, and what it left out and why.</summary>
/// <param name="FilesWritten">Regular files written under the work folder.</param>
/// <param name="BytesWritten">Total size of those files.</param>
/// <param name="SymbolicLinks">Symbolic links found in the archive; they are recorded here and never created on disk.</param>
/// <param name="Skipped">Entries that were not extracted, each with its reason.</param>
public sealed record ExtractionResult(
    int FilesWritten,
    long BytesWritten,
    IReadOnlyList<SymbolicLinkEntry> SymbolicLinks,
    IReadOnlyList<SkippedEntry> Skipped);

/// <summary>A symbolic link of the archive: its path inside the repository and its target as written in the archive.</summary>
public sealed record SymbolicLinkEntry(string Path, string Target);

/// <summary>An archive entry that was not extracted: its path as written in the archive and why.</summary>
public sealed record SkippedEntry(string Path, string Reason);
