namespace RepoCache.Kv.Semantics;

/// <summary>
/// Validation of value sizes for put and bulk get.
/// </summary>
public static class ValueRules
{
    /// <summary>Throws a 413 <see cref="KvException"/> when a value is longer than 26,214,400 bytes.</summary>
    public static void ValidateLength(long length)
    {
        if (length > KvLimits.MaxValueBytes)
        {
            throw new KvException(
                413,
                KvErrorCodes.ValueTooLarge,
                $"KV {KvOperations.Put} failed: 413 Value length of {length} exceeds limit of {KvLimits.MaxValueBytes}.");
        }
    }

    /// <summary>Throws a 413 <see cref="KvException"/> when the values of one bulk get add up to more than 25 MiB.</summary>
    public static void ValidateBulkTotal(long totalBytes)
    {
        if (totalBytes > KvLimits.MaxValueBytes)
        {
            throw new KvException(
                413,
                KvErrorCodes.InvalidBulkGet,
                $"KV {KvOperations.GetBulk} failed: 413 Total size of request exceeds the limit of 25MB. The values add up to {totalBytes} bytes; request fewer keys per call.");
        }
    }
}
