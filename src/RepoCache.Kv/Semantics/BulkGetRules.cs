namespace RepoCache.Kv.Semantics;

/// <summary>
/// Validation of a bulk get's key count and value type, with Miniflare's messages.
/// </summary>
public static class BulkGetRules
{
    /// <summary>The value types a bulk get accepts.</summary>
    public static readonly IReadOnlyList<string> Types = ["text", "json"];

    /// <summary>Throws a 400 <see cref="KvException"/> unless 1-100 keys are requested.</summary>
    public static void ValidateCount(int count)
    {
        if (count < 1)
        {
            throw new KvException(
                400,
                KvErrorCodes.InvalidBulkGet,
                $"KV {KvOperations.GetBulk} failed: 400 You must request a minimum of 1 key. The request has none.");
        }

        if (count > KvLimits.MaxBulkGetKeys)
        {
            throw new KvException(
                400,
                KvErrorCodes.InvalidBulkGet,
                $"KV {KvOperations.GetBulk} failed: 400 You can request a maximum of {KvLimits.MaxBulkGetKeys} keys. The request has {count}; split it into calls of at most {KvLimits.MaxBulkGetKeys}.");
        }
    }

    /// <summary>Throws a 400 <see cref="KvException"/> unless <paramref name="type"/> is <c>text</c> or <c>json</c>; null means text.</summary>
    public static void ValidateType(string? type)
    {
        if (type is not null && !Types.Contains(type, StringComparer.Ordinal))
        {
            throw new KvException(
                400,
                KvErrorCodes.InvalidBulkGet,
                $"KV {KvOperations.GetBulk} failed: 400 \"{type}\" is not a valid type. Use \"json\" or \"text\"");
        }
    }

    /// <summary>Creates the 400 error for a bulk JSON get that finds a value that is not JSON.</summary>
    public static KvException NonJsonValue(string key) =>
        new(
            400,
            KvErrorCodes.InvalidBulkGet,
            $"KV {KvOperations.GetBulk} failed: 400 At least one of the requested keys corresponds to a non-json value. Key '{key}' is not JSON; request it as text.");
}
