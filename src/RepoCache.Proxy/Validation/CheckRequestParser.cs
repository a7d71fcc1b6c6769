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
            targets.Add(ParseItem(item, $"repos[{index}]"));
            index++;
        }

        return new ValidatedBatch(processor, targets);
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
