using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RepoCache.Verification.Fixture;

/// <summary>
/// Builds <c>fixtures/repos.json</c> from the feed sample: every row and field kept as it is, in the same order,
/// with missing <c>pushedAt</c> values filled by <see cref="PushedAtFillRule"/>.
/// </summary>
public static class FixtureGenerator
{
    /// <summary>Reads the feed sample and returns the fixture's exact bytes (UTF-8, two-space indent, LF line ends).</summary>
    public static byte[] Generate(string samplePath)
    {
        if (!File.Exists(samplePath))
        {
            throw new FileNotFoundException(
                $"The feed sample '{samplePath}' was not found. Pass the path of xgov-repos-2022-sample.json with --source.",
                samplePath);
        }

        var rows = ReadRows(samplePath);
        for (var index = 0; index < rows.Count; index++)
        {
            var row = rows[index];
            var owner = RequireString(row, "owner", index, samplePath);
            var name = RequireString(row, "name", index, samplePath);
            var feedValue = row["pushedAt"]?.GetValue<string>();

            row["pushedAt"] = PushedAtFillRule.Fill(index, owner, name, feedValue);
        }

        return Serialize(rows);
    }

    private static List<JsonObject> ReadRows(string samplePath)
    {
        JsonNode? document;
        try
        {
            document = JsonNode.Parse(File.ReadAllBytes(samplePath));
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"The feed sample '{samplePath}' is not valid JSON: {error.Message}", error);
        }

        if (document is not JsonArray array)
        {
            throw new InvalidDataException($"The feed sample '{samplePath}' must be a JSON array of repository rows.");
        }

        var rows = new List<JsonObject>(array.Count);
        for (var index = 0; index < array.Count; index++)
        {
            if (array[index] is not JsonObject row)
            {
                throw new InvalidDataException($"Row {index} of '{samplePath}' is not a JSON object.");
            }

            rows.Add(row);
        }

        return rows;
    }

    private static string RequireString(JsonObject row, string field, int index, string samplePath)
    {
        if (row[field] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0)
        {
            return text;
        }

        throw new InvalidDataException($"Row {index} of '{samplePath}' has no '{field}' string; every feed row needs owner and name.");
    }

    private static byte[] Serialize(List<JsonObject> rows)
    {
        var array = new JsonArray();
        foreach (var row in rows)
        {
            row.Parent?.AsArray().Remove(row);
            array.Add(row);
        }

        using var buffer = new MemoryStream();
        var options = new JsonWriterOptions
        {
            Indented = true,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            array.WriteTo(writer);
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
