namespace RepoCache.Ingest.Source;

/// <summary>Raised when a repository archive cannot be downloaded; the message names the repository, the URL and the status.</summary>
public sealed class ArchiveDownloadException(string message, Exception? innerException = null)
    : Exception(message, innerException);
