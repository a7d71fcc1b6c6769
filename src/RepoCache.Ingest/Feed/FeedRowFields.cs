using System.Text.Json;

namespace RepoCache.Ingest.Feed;

/// <summary>The parts of one feed element that validation looks at: its kind and its owner, name and pushedAt members.</summary>
/// <param name="Kind">The JSON kind of the element; only an object can be a row.</param>
/// <param name="Owner">The <c>owner</c> member, or <see cref="FeedField.Missing"/>.</param>
/// <param name="Name">The <c>name</c> member, or <see cref="FeedField.Missing"/>.</param>
/// <param name="PushedAt">The <c>pushedAt</c> member, or <see cref="FeedField.Missing"/>.</param>
public readonly record struct FeedRowFields(JsonValueKind Kind, FeedField Owner, FeedField Name, FeedField PushedAt)
{
    /// <summary>Reads the three members from a parsed element, taking the last value of a repeated member as the streaming reader does.</summary>
    public static FeedRowFields From(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return new FeedRowFields(element.ValueKind, FeedField.Missing, FeedField.Missing, FeedField.Missing);
        }

        return new FeedRowFields(JsonValueKind.Object, FieldOf(element, "owner"), FieldOf(element, "name"), FieldOf(element, "pushedAt"));
    }

    private static FeedField FieldOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value)
            ? new FeedField(true, value.ValueKind, value.ValueKind == JsonValueKind.String ? value.GetString() : null)
            : FeedField.Missing;
}
