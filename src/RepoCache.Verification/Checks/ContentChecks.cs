using System.Security.Cryptography;
using RepoCache.Proxy.Contract;
using RepoCache.Verification.GitHub;
using RepoCache.Verification.Host;

namespace RepoCache.Verification.Checks;

/// <summary>Checks on what a pass left behind: the cache entries in KV and the digest files they point to.</summary>
public static class ContentChecks
{
    /// <summary>
    /// Checks that every repository of the pass has a <c>complete</c> entry with the feed's <c>pushedAt</c> instant
    /// and a readable <c>processedAt</c>.
    /// </summary>
    public static async Task CheckEntriesAsync(CheckList checks, int pass, IReadOnlyList<FeedRepository> repositories, IEntryInspector inspector, CancellationToken cancellationToken)
    {
        var offenders = new List<string>();
        foreach (var repository in repositories)
        {
            var lookup = await inspector.GetAsync(repository, cancellationToken);
            var problem = lookup.Entry is { } entry ? EntryProblem(entry, repository) : lookup.Problem;
            if (problem is not null)
            {
                offenders.Add($"{repository.FullName} ({problem})");
            }
        }

        checks.Add($"pass{pass}.kv-entries", pass,
            $"Every repository has a complete entry with pushedAt, processedAt and status, read from the {inspector.Source}.",
            offenders.Count == 0, $"{repositories.Count} complete entries", $"{repositories.Count - offenders.Count} complete entries", offenders);
    }

    /// <summary>
    /// Checks the digests of the repositories processed in the pass: the file the entry names exists, its SHA-256
    /// and size equal the entry's, and it contains the content marker of the tarball the stand-in serves now.
    /// </summary>
    public static async Task CheckDigestsAsync(
        CheckList checks, int pass, IReadOnlyList<FeedRepository> processed, GitHubStandIn standIn, IEntryInspector inspector, CancellationToken cancellationToken)
    {
        var offenders = new List<string>();
        foreach (var repository in processed)
        {
            var lookup = await inspector.GetAsync(repository, cancellationToken);
            var problem = lookup.Entry is { } entry
                ? await DigestProblemAsync(entry, standIn.Repositories.GetValueOrDefault(GitHubStandIn.Key(repository.Owner, repository.Name)), cancellationToken)
                : lookup.Problem;
            if (problem is not null)
            {
                offenders.Add($"{repository.FullName} ({problem})");
            }
        }

        checks.Add($"pass{pass}.digests", pass,
            "Each processed repository's digest file matches the entry's digest.sha256 and bytes, and holds the upstream tarball's current content.",
            offenders.Count == 0, $"{processed.Count} matching digests", $"{processed.Count - offenders.Count} matching digests", offenders);
    }

    private static string? EntryProblem(CacheEntry entry, FeedRepository repository)
    {
        if (entry.Status != CacheStatus.Complete)
        {
            return $"status '{entry.Status}'{(entry.Error is null ? string.Empty : $", error: {entry.Error}")}";
        }

        if (!PushedAt.TryParse(entry.ProcessedAt, out _))
        {
            return $"processedAt '{entry.ProcessedAt}' is not a timestamp";
        }

        var stored = entry.PushedAt is null ? null : PushedAt.TryParse(entry.PushedAt, out var instant) ? instant : DateTimeOffset.MinValue;
        if (stored != repository.Instant)
        {
            return $"pushedAt '{entry.PushedAt ?? "null"}', expected the feed's '{repository.PushedAt ?? "null"}'";
        }

        return null;
    }

    private static async Task<string?> DigestProblemAsync(CacheEntry entry, UpstreamRepository? upstream, CancellationToken cancellationToken)
    {
        if (entry.Digest is not { } digest)
        {
            return "the entry has no digest";
        }

        if (!File.Exists(digest.Path))
        {
            return $"digest file '{digest.Path}' not found";
        }

        var bytes = await File.ReadAllBytesAsync(digest.Path, cancellationToken);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (!string.Equals(sha256, digest.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            return $"file sha256 {sha256[..12]}..., entry says {Prefix(digest.Sha256)}...";
        }

        if (bytes.LongLength != digest.Bytes)
        {
            return $"file has {bytes.LongLength} bytes, entry says {digest.Bytes}";
        }

        if (upstream is not null && !System.Text.Encoding.UTF8.GetString(bytes).Contains(upstream.ContentMarker, StringComparison.Ordinal))
        {
            return $"digest lacks the current content marker {upstream.ContentMarker}";
        }

        return null;
    }

    private static string Prefix(string text) => text.Length <= 12 ? text : text[..12];
}
