using RepoCache.Ingest.Extraction;

namespace RepoCache.Ingest.Digest;

/// <summary>Everything a digest is built from: the repository, its extracted folder and what extraction left out.</summary>
/// <param name="Owner">Owner as spelled by the feed.</param>
/// <param name="Name">Repository name as spelled by the feed.</param>
/// <param name="Directory">The folder the archive was extracted into.</param>
/// <param name="Extraction">Links and skipped entries reported by the extraction.</param>
public sealed record DigestInput(string Owner, string Name, string Directory, ExtractionResult Extraction);
