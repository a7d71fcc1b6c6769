namespace RepoCache.Ingest.Digest;

/// <summary>Writes the digest of one extracted repository to a stream.</summary>
public interface IDigestProducer
{
    /// <summary>Writes the digest of <paramref name="input"/> to <paramref name="output"/>.</summary>
    Task WriteAsync(DigestInput input, Stream output, CancellationToken cancellationToken);
}
