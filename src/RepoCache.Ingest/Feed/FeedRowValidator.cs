using System.Text.Json;
using RepoCache.Proxy.Contract;

namespace RepoCache.Ingest.Feed;

/// <summary>Checks one feed element: an object with string <c>owner</c> and <c>name</c> that GitHub allows, and a parsable or null <c>pushedAt</c>.</summary>
public static class FeedRowValidator
{
    // Values are quoted in messages, so a huge string is cut to keep reports readable.
    private const int MaxQuotedLength = 60;

    /// <summary>Returns the row when the element is valid, otherwise the problem that makes it invalid.</summary>
    public static (FeedRow? Row, FeedProblem? Problem) Validate(int index, JsonElement element) =>
        Validate(index, FeedRowFields.From(element));

    /// <summary>Returns the row when the element's <paramref name="fields"/> are valid, otherwise the problem that makes it invalid.</summary>
    public static (FeedRow? Row, FeedProblem? Problem) Validate(int index, in FeedRowFields fields)
    {
        if (fields.Kind != JsonValueKind.Object)
        {
            return Invalid(index, "row", $"the row is a JSON {Describe(fields.Kind)}, but every row must be an object with owner and name");
        }

        var ownerProblem = ReadRequiredString(fields.Owner, "owner", out var owner);
        var nameProblem = ReadRequiredString(fields.Name, "name", out var name);
        if (ownerProblem is not null)
        {
            return Invalid(index, "owner", ownerProblem, owner, name);
        }

        if (nameProblem is not null)
        {
            return Invalid(index, "name", nameProblem, owner, name);
        }

        if (!RepositoryName.TryValidateOwner(owner, out var ownerRule))
        {
            return Invalid(index, "owner", Shorten(ownerRule), owner, name);
        }

        if (!RepositoryName.TryValidateName(name, out var nameRule))
        {
            return Invalid(index, "name", Shorten(nameRule), owner, name);
        }

        var pushedAtProblem = ReadPushedAt(fields.PushedAt, out var pushedAt);
        if (pushedAtProblem is not null)
        {
            return Invalid(index, "pushedAt", pushedAtProblem, owner, name);
        }

        return (new FeedRow(index, owner!, name!, pushedAt), null);
    }

    private static string? ReadRequiredString(FeedField field, string fieldName, out string? value)
    {
        value = null;
        if (!field.Present)
        {
            return $"{fieldName} is missing; every row needs a string {fieldName}";
        }

        if (field.Kind != JsonValueKind.String)
        {
            return $"{fieldName} is a JSON {Describe(field.Kind)}, but it must be a string";
        }

        value = field.Text;
        return null;
    }

    private static string? ReadPushedAt(FeedField field, out DateTimeOffset? pushedAt)
    {
        pushedAt = null;
        if (!field.Present || field.Kind == JsonValueKind.Null)
        {
            return null;
        }

        if (field.Kind != JsonValueKind.String)
        {
            return $"pushedAt is a JSON {Describe(field.Kind)}, but it must be an ISO 8601 string such as 2015-02-19T22:33:33Z, or null";
        }

        var text = field.Text;
        if (!PushedAt.TryParse(text, out pushedAt))
        {
            return $"pushedAt '{Shorten(text)}' is not an ISO 8601 timestamp with an offset, such as 2015-02-19T22:33:33Z or 2015-02-19T22:33:33.000Z";
        }

        return null;
    }

    private static (FeedRow?, FeedProblem?) Invalid(int index, string field, string reason, string? owner = null, string? name = null) =>
        (null, new FeedProblem(index, field, reason, Shorten(owner), Shorten(name)));

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => "value",
    };

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    private static string? Shorten(string? text) =>
        text is null || text.Length <= MaxQuotedLength * 2 ? text : $"{text[..MaxQuotedLength]}... ({text.Length} characters)";
}
