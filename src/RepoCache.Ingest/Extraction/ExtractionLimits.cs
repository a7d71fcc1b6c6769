namespace RepoCache.Ingest.Extraction;

/// <summary>Bounds that make the runner reject an archive instead of filling the disk.</summary>
/// <param name="MaxArchiveBytes">Maximum size of the downloaded (compressed) archive.</param>
/// <param name="MaxExtractedBytes">Maximum total size of the files written from one archive.</param>
/// <param name="MaxEntries">Maximum number of entries (files, folders, links and others) in one archive.</param>
public sealed record ExtractionLimits(long MaxArchiveBytes, long MaxExtractedBytes, int MaxEntries)
{
    /// <summary>1 GiB downloaded, 4 GiB extracted, 200,000 entries: above nearly every public repository's default-branch tarball.</summary>
    public static ExtractionLimits Default { get; } = new(1L << 30, 4L << 30, 200_000);
}
