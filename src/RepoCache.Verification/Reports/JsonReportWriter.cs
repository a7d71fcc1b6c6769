using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RepoCache.Verification.Reports;

/// <summary>Writes <c>report.json</c>: the report model as camel-case JSON.</summary>
public static class JsonReportWriter
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Serialises the report to JSON text, the verdict included.</summary>
    public static string ToJson(VerificationReport report) => JsonSerializer.Serialize(report, Options);

    /// <summary>Writes the report's JSON to <paramref name="path"/>.</summary>
    public static void Write(VerificationReport report, string path) => File.WriteAllText(path, ToJson(report) + "\n");
}
