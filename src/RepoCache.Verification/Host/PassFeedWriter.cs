using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RepoCache.Verification.Host;

/// <summary>Writes the feed file a pass gives its runners: the selected rows with that pass's <c>pushedAt</c> values.</summary>
public static class PassFeedWriter
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes <paramref name="repositories"/> as a JSON array to <paramref name="path"/>.</summary>
    public static void Write(string path, IEnumerable<FeedRepository> repositories)
    {
        var array = new JsonArray();
        foreach (var repository in repositories)
        {
            var row = (JsonObject)repository.Row.DeepClone();
            row["pushedAt"] = repository.PushedAt;
            array.Add(row);
        }

        File.WriteAllText(path, array.ToJsonString(Options));
    }
}
