using System.Text.Json;

namespace RepoCache.Ingest.Feed;

/// <summary>One member of a feed row as read: whether it is there, its JSON kind, and its text when it is a string.</summary>
/// <param name="Present">True when the row has the member, even with a null value.</param>
/// <param name="Kind">The JSON kind of the value (<see cref="JsonValueKind.Undefined"/> when missing).</param>
/// <param name="Text">The unescaped string value, or null when the value is not a string.</param>
public readonly record struct FeedField(bool Present, JsonValueKind Kind, string? Text)
{
    /// <summary>A member the row does not have.</summary>
    public static FeedField Missing { get; } = new(false, JsonValueKind.Undefined, null);
}
