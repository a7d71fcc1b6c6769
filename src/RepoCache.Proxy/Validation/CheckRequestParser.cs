using System.Text.Json;
using Microsoft.AspNetCore.Http;
using RepoCache.Proxy.Caching;
using RepoCache.Proxy.Contract;

namespace RepoCache.Proxy.Validation;

/// <summary>
/// Reads the body of <c>POST /cache/check</c>: <c>{"processor": ..., "repos": [{"owner", "name", "pushedAt"}, ...]}</c>.
/// </summary>
internal static class CheckRequestParser
{
    private static readonly string[] Members = ["processor", "repos"];

    private static readonly string[] ItemMembers = ["owner", "name", "pushedAt"];

    /// <summary>Parses and checks the body. The first invalid item is reported with its index.</summary>
    public static ValidatedBatch Parse(ReadOnlyMemory<byte> body)
    {
        using var document = JsonBody.ParseObject(body, "{\"processor\": ..., \"repos\": [...]}");
        var root = document.RootElement;
        JsonBody.CheckMembers(root, "", Members);

        var processor = FieldRules.Processor(JsonBody.OptionalString(root, "", "processor"), "processor");

        if (!root.TryGetProperty("repos", out var repos))
        {
            throw RequestProblemException.Missing("repos", "repos is required: an array of {owner, name, pushedAt}.");
        }

        if (repos.ValueKind != JsonValueKind.Array)
        {
            throw RequestProblemException.WrongType("repos", "an array of {owner, name, pushedAt}", JsonBody.Describe(repos));
        }

        var count = repos.GetArrayLength();
        if (count > CacheLimits.MaxCheckItems)
        {
            throw new RequestProblemException(StatusCodes.Status400BadRequest, ProblemCodes.TooManyItems, "repos",
                $"repos has {count} items; one check takes at most {CacheLimits.MaxCheckItems}, so split the batch.");
        }

        var targets = new List<CheckTarget>(count);
        var index = 0;
        foreach (var item in repos.EnumerateArray())
        {
            // Only an item the quick reading cannot accept pays for the member paths of a precise error.
            targets.Add(TryParseValidItem(item) ?? ParseItem(item, $"repos[{index}]"));
            index++;
        }

        return new ValidatedBatch(processor, targets);
    }

    // Accepts exactly the items ParseItem accepts, with the same result, without building a string per member.
    // Returns null for anything else, so that ParseItem reports the problem.
    private static CheckTarget? TryParseValidItem(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string? owner = null;
        string? name = null;
        string? pushedAtText = null;
        var seenPushedAt = false;

        foreach (var member in item.EnumerateObject())
        {
            var value = member.Value;
            if (member.NameEquals("owner") && owner is null && value.ValueKind == JsonValueKind.String)
            {
                owner = value.GetString();
            }
            else if (member.NameEquals("name") && name is null && value.ValueKind == JsonValueKind.String)
            {
                name = value.GetString();
            }
            else if (member.NameEquals("pushedAt") && !seenPushedAt && value.ValueKind is JsonValueKind.String or JsonValueKind.Null)
            {
                pushedAtText = value.GetString();
                seenPushedAt = true;
            }
            else
            {
                return null;
            }
        }

        if (!seenPushedAt
            || !RepositoryName.TryValidateOwner(owner, out _)
            || !RepositoryName.TryValidateName(name, out _))
        {
            return null;
        }

        DateTimeOffset? pushedAt = null;
        if (pushedAtText is not null)
        {
            if (!PushedAt.TryParse(pushedAtText, out var instant))
            {
                return null;
            }

            pushedAt = instant;
        }

        return new CheckTarget(new RepositoryRef(owner!, name!), pushedAt);
    }

    private static CheckTarget ParseItem(JsonElement item, string path)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw RequestProblemException.WrongType(path, "an object {owner, name, pushedAt}", JsonBody.Describe(item));
        }

        JsonBody.CheckMembers(item, path, ItemMembers);
        var owner = JsonBody.RequiredString(item, path, "owner");
        var name = JsonBody.RequiredString(item, path, "name");
        var repository = FieldRules.Repository(owner, name, $"{path}.owner", $"{path}.name");

        var pushedAtField = $"{path}.pushedAt";
        var pushedAtText = JsonBody.RequiredNullableString(item, path, "pushedAt",
            "send the feed's pushedAt, or null for a repository that was never pushed.");

        return new CheckTarget(repository, FieldRules.PushedAtValue(pushedAtText, pushedAtField));
    }
}
