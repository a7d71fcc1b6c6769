using System.Text.Json;
using System.Text.Json.Nodes;
using RepoCache.Proxy.Contract;

namespace RepoCache.Verification.Host;

/// <summary>
/// Reads the feed and picks the repositories of the run: the first rows that are valid and distinct (by
/// lower-cased <c>owner/name</c>), the same rows the runner itself would keep.
/// </summary>
public static class FeedSelection
{
    /// <summary>Returns the first <paramref name="count"/> valid, distinct repositories of the feed file.</summary>
    public static IReadOnlyList<FeedRepository> Select(string feedPath, int count)
    {
        JsonArray rows;
        try
        {
            rows = JsonNode.Parse(File.ReadAllBytes(feedPath)) as JsonArray
                ?? throw new VerificationUsageException($"--repos '{feedPath}' is not a JSON array of repository rows.");
        }
        catch (JsonException error)
        {
            throw new VerificationUsageException($"--repos '{feedPath}' is not valid JSON: {error.Message}");
        }

        var selected = new List<FeedRepository>(count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < rows.Count && selected.Count < count; index++)
        {
            if (TryRead(rows[index], index) is { } repository && seen.Add(repository.CacheKey))
            {
                selected.Add(repository);
            }
        }

        if (selected.Count < count)
        {
            throw new VerificationUsageException(
                $"--count {count} is invalid for '{feedPath}': it has only {selected.Count} valid, distinct repositories. Lower --count or use a larger feed.");
        }

        return selected;
    }

    private static FeedRepository? TryRead(JsonNode? node, int index)
    {
        if (node is not JsonObject row)
        {
            return null;
        }

        var owner = Text(row, "owner");
        var name = Text(row, "name");
        if (!RepositoryName.TryValidateOwner(owner, out _) || !RepositoryName.TryValidateName(name, out _))
        {
            return null;
        }

        string? pushedAt = null;
        if (row["pushedAt"] is { } value)
        {
            pushedAt = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : string.Empty;
            if (!PushedAt.TryParse(pushedAt, out _))
            {
                return null;
            }
        }

        // Each pass rewrites pushedAt in a copy; the selection keeps the feed's row untouched.
        return new FeedRepository(index, owner!, name!, pushedAt, (JsonObject)row.DeepClone());
    }

    private static string? Text(JsonObject row, string field) =>
        row[field] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
