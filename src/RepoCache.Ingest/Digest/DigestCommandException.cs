namespace RepoCache.Ingest.Digest;

/// <summary>Raised when the external digest command cannot start, times out, fails or writes nothing.</summary>
public sealed class DigestCommandException(string message, Exception? innerException = null)
    : Exception(message, innerException);
