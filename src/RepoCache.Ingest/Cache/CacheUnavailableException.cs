namespace RepoCache.Ingest.Cache;

/// <summary>Raised when the cache proxy cannot be reached or fails a call after every retry.</summary>
public sealed class CacheUnavailableException(string message, Exception? innerException = null)
    : Exception(message, innerException);
