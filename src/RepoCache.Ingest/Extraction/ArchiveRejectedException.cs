namespace RepoCache.Ingest.Extraction;

/// <summary>Raised when an archive is refused as a whole: corrupt, or over a size or entry-count bound.</summary>
public sealed class ArchiveRejectedException(string message, Exception? innerException = null)
    : Exception(message, innerException);
