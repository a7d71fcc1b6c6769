using System.Text.Json;
using System.Text.Json.Serialization;
using RepoCache.Proxy.Contract;

namespace RepoCache.Ingest.Cache;

/// <summary>
/// Compile-time JSON metadata for the proxy calls, with the same web defaults as <c>PostAsJsonAsync</c>, so a runner
/// spends no start-up time building serializers by reflection.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CheckRequest))]
[JsonSerializable(typeof(CheckResponse))]
[JsonSerializable(typeof(CacheWriteRequest))]
internal sealed partial class CacheJsonContext : JsonSerializerContext;
