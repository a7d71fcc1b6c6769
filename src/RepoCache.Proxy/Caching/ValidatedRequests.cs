using RepoCache.Proxy.Contract;

namespace RepoCache.Proxy.Caching;

/// <summary>A checked <c>PUT</c> body: <c>pushedAt</c> parsed, <c>status</c> one of <see cref="CacheStatus"/>.</summary>
internal sealed record ValidatedWrite(DateTimeOffset? PushedAt, string Status, string? Processor, DigestInfo? Digest, string? Error);

/// <summary>One checked repository of a batch check.</summary>
internal sealed record CheckTarget(RepositoryRef Repository, DateTimeOffset? PushedAt);

/// <summary>A checked batch check body.</summary>
internal sealed record ValidatedBatch(string? Processor, IReadOnlyList<CheckTarget> Targets);
