using System.Text.Json.Serialization;
using RepoCache.Proxy.Contract;

namespace RepoCache.Proxy.Caching;

/// <summary>Source-generated JSON metadata of the stored cache entry, with the strict options of <see cref="CacheEntryCodec"/>.</summary>
[JsonSourceGenerationOptions(RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(CacheEntry))]
internal sealed partial class CacheEntryJsonContext : JsonSerializerContext;
