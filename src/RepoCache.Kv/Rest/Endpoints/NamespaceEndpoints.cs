using System.Text.Json;
using System.Text.Json.Nodes;
using RepoCache.Kv.Semantics;

namespace RepoCache.Kv.Rest.Endpoints;

/// <summary>
/// The namespace endpoints: list, create, read, rename, delete.
/// </summary>
internal static class NamespaceEndpoints
{
    private const int DefaultPerPage = 20;
    private const int MaxPerPage = 1000;

    // A title body holds one string of at most 512 characters; 64 KiB leaves room for escapes and whitespace.
    private const int MaxTitleBodyBytes = 64 * 1024;

    /// <summary>Lists namespaces a page at a time, ordered by id or title.</summary>
    public static async Task ListAsync(KvRestRequest request)
    {
        var page = KvRestQuery.ReadInt(request.Query, "page", 1, 1, int.MaxValue, KvErrorCodes.MalformedRequest);
        var perPage = KvRestQuery.ReadInt(request.Query, "per_page", DefaultPerPage, 1, MaxPerPage, KvErrorCodes.MalformedRequest);
        var order = KvRestQuery.ReadChoice(request.Query, "order", "id", "title") ?? "id";
        var direction = KvRestQuery.ReadChoice(request.Query, "direction", "asc", "desc") ?? "asc";

        IEnumerable<KvNamespaceInfo> ordered = order == "title"
            ? request.Emulator.ListNamespaces().OrderBy(info => info.Title, StringComparer.Ordinal).ThenBy(info => info.Id, StringComparer.Ordinal)
            : request.Emulator.ListNamespaces().OrderBy(info => info.Id, StringComparer.Ordinal);
        var all = direction == "desc" ? ordered.Reverse().ToList() : ordered.ToList();

        var pageItems = all.Skip((int)Math.Min((long)(page - 1) * perPage, int.MaxValue)).Take(perPage).ToList();
        var result = new JsonArray([.. pageItems.Select(ToJson)]);
        var resultInfo = new JsonObject
        {
            ["page"] = page,
            ["per_page"] = perPage,
            ["count"] = pageItems.Count,
            ["total_count"] = all.Count,
            ["total_pages"] = (all.Count + perPage - 1) / perPage,
        };

        await KvRestEnvelope.WriteSuccessAsync(request.Http, result, resultInfo);
    }

    /// <summary>Creates a namespace from a <c>{"title": "..."}</c> body.</summary>
    public static async Task CreateAsync(KvRestRequest request)
    {
        var title = await ReadTitleAsync(request);
        var created = request.Emulator.CreateNamespace(title);
        await KvRestEnvelope.WriteSuccessAsync(request.Http, ToJson(created));
    }

    /// <summary>Describes one namespace.</summary>
    public static async Task GetAsync(KvRestRequest request)
    {
        var info = KvRestNamespaces.Describe(request);
        await KvRestEnvelope.WriteSuccessAsync(request.Http, ToJson(info));
    }

    /// <summary>Renames a namespace from a <c>{"title": "..."}</c> body.</summary>
    public static async Task RenameAsync(KvRestRequest request)
    {
        NamespaceRules.ValidateId(request.NamespaceId);
        var title = await ReadTitleAsync(request);
        var renamed = request.Emulator.RenameNamespace(request.NamespaceId, title);
        await KvRestEnvelope.WriteSuccessAsync(request.Http, ToJson(renamed));
    }

    /// <summary>Deletes a namespace with every key in it.</summary>
    public static async Task DeleteAsync(KvRestRequest request)
    {
        NamespaceRules.ValidateId(request.NamespaceId);
        request.Emulator.DeleteNamespace(request.NamespaceId);
        await KvRestEnvelope.WriteSuccessAsync(request.Http, null);
    }

    private static JsonObject ToJson(KvNamespaceInfo info) => new()
    {
        ["id"] = info.Id,
        ["title"] = info.Title,
        ["supports_url_encoding"] = info.SupportsUrlEncoding,
    };

    private static async Task<string> ReadTitleAsync(KvRestRequest request)
    {
        using var document = await KvRestBodyReader.ReadJsonAsync(request.Http, MaxTitleBodyBytes, request.Aborted);
        var root = document.RootElement;

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw KvRestErrors.Malformed($"The request body is a JSON {root.ValueKind.ToString().ToLowerInvariant()}; send an object such as {{\"title\":\"my-namespace\"}}.");
        }

        if (!root.TryGetProperty("title", out var title) || title.ValueKind != JsonValueKind.String)
        {
            throw KvRestErrors.Malformed("The request body has no string 'title' field; send an object such as {\"title\":\"my-namespace\"}.");
        }

        return title.GetString()!;
    }
}
