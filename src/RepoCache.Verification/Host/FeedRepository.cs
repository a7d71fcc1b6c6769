using System.Text.Json.Nodes;
using RepoCache.Proxy.Contract;

namespace RepoCache.Verification.Host;

/// <summary>One repository of the run, with the feed row it came from.</summary>
/// <param name="FeedIndex">Position of the row in the feed file.</param>
/// <param name="Owner">Owner as the feed spells it.</param>
/// <param name="Name">Name as the feed spells it.</param>
/// <param name="PushedAt">The feed's <c>pushedAt</c> text, spelling kept, or null.</param>
/// <param name="Row">The whole feed row, written unchanged apart from <c>pushedAt</c> into each pass's feed.</param>
public sealed record FeedRepository(int FeedIndex, string Owner, string Name, string? PushedAt, JsonObject Row)
{
    /// <summary><c>owner/name</c> as the feed spells it.</summary>
    public string FullName => $"{Owner}/{Name}";

    /// <summary>The Workers KV key of the repository.</summary>
    public string CacheKey => RepositoryName.CacheKey(Owner, Name);

    /// <summary>The <c>pushedAt</c> instant (whole seconds, UTC), or null.</summary>
    public DateTimeOffset? Instant => PushedAt is null ? null : Proxy.Contract.PushedAt.TryParse(PushedAt, out var instant) ? instant : null;
}
