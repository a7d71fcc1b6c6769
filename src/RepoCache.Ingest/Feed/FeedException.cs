namespace RepoCache.Ingest.Feed;

/// <summary>Raised when the feed as a whole cannot be read: missing, unreachable, not JSON, not an array or truncated.</summary>
public sealed class FeedException(string message, Exception? innerException = null)
    : Exception(message, innerException);
