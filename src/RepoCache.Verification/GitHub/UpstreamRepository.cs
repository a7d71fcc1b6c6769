using System.Security.Cryptography;
using System.Text;
using RepoCache.Proxy.Contract;

namespace RepoCache.Verification.GitHub;

/// <summary>A repository as the GitHub stand-in serves it: its identity and the instant of its last push.</summary>
/// <param name="Owner">Owner as the feed spells it.</param>
/// <param name="Name">Name as the feed spells it.</param>
/// <param name="PushedAt">Instant of the last push (whole seconds, UTC), or null for a repository never pushed to.</param>
public sealed record UpstreamRepository(string Owner, string Name, DateTimeOffset? PushedAt)
{
    /// <summary>The repository as <c>owner/name</c>, feed spelling.</summary>
    public string FullName => $"{Owner}/{Name}";

    /// <summary>
    /// A 16-hex-digit marker derived from the lower-cased owner and name and the push instant. The tarball's
    /// README carries it, so a digest built from the current content contains it and one built from older
    /// content does not.
    /// </summary>
    public string ContentMarker => Hash($"{Owner.ToLowerInvariant()}/{Name.ToLowerInvariant()}@{PushedAtText}")[..16];

    /// <summary>A 40-hex-digit commit id derived from the content marker, used in the tarball's top folder.</summary>
    public string CommitSha => Hash($"commit:{ContentMarker}")[..40];

    /// <summary>The push instant in canonical form, or <c>never</c>.</summary>
    public string PushedAtText => PushedAt is { } instant ? Proxy.Contract.PushedAt.Format(instant) : "never";

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
