namespace RepoCache.Kv.Semantics;

/// <summary>
/// Validation of a binding list call's limit.
/// </summary>
public static class ListRules
{
    /// <summary>
    /// Returns the page size to use: 1000 when <paramref name="limit"/> is null, 0 or negative (workerd sends no limit
    /// then), otherwise the limit itself. Throws a 400 <see cref="KvException"/> above 1000.
    /// </summary>
    public static int ResolveLimit(int? limit)
    {
        if (limit is not { } value || value <= 0)
        {
            return KvLimits.MaxListLimit;
        }

        if (value > KvLimits.MaxListLimit)
        {
            // Production's message reads "less than 1000" although 1000 itself is accepted.
            throw new KvException(
                400,
                KvErrorCodes.InvalidListOptions,
                $"KV {KvOperations.List} failed: 400 Invalid key_count_limit of {value}. Please specify an integer less than {KvLimits.MaxListLimit}.");
        }

        return value;
    }
}
