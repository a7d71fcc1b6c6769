using System.Text;

namespace RepoCache.Kv.Semantics;

/// <summary>
/// Key validation shared by every operation, with the messages workerd and Miniflare produce.
/// </summary>
public static class KeyRules
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Throws a <see cref="KvException"/> when <paramref name="key"/> is empty, <c>.</c>, <c>..</c>, not valid Unicode,
    /// or longer than 512 UTF-8 bytes. <paramref name="operation"/> is the label production uses (GET, PUT, DELETE).
    /// </summary>
    public static void Validate(string key, string operation) => Encode(key, operation);

    /// <summary>Validates <paramref name="key"/> as <see cref="Validate"/> does and returns its exact UTF-8 bytes.</summary>
    public static byte[] Encode(string key, string operation)
    {
        ArgumentNullException.ThrowIfNull(key);

        if (key.Length == 0)
        {
            throw new KvException(400, KvErrorCodes.InvalidKey, "Key name cannot be empty.");
        }

        if (key is "." or "..")
        {
            throw new KvException(400, KvErrorCodes.InvalidKey, $"\"{key}\" is not allowed as a key name.");
        }

        return EncodeWithinLimit(key, operation, "Key");
    }

    /// <summary>
    /// Validates one key of a bulk get with the backend's messages (workerd passes bulk keys through unchecked)
    /// and returns its exact UTF-8 bytes.
    /// </summary>
    public static byte[] EncodeBulkKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);

        if (key.Length == 0)
        {
            throw new KvException(400, KvErrorCodes.InvalidKey, $"KV {KvOperations.GetBulk} failed: 400 Key names must not be empty");
        }

        if (key is "." or "..")
        {
            throw new KvException(
                400,
                KvErrorCodes.InvalidKey,
                $"KV {KvOperations.GetBulk} failed: 400 Illegal key name \"{key}\". Please use a different name.");
        }

        return EncodeWithinLimit(key, KvOperations.GetBulk, "Key");
    }

    /// <summary>Validates a list prefix (at most 512 UTF-8 bytes, valid Unicode) and returns its UTF-8 bytes; null means no prefix.</summary>
    public static byte[] EncodePrefix(string? prefix) =>
        string.IsNullOrEmpty(prefix) ? [] : EncodeWithinLimit(prefix, KvOperations.List, "Prefix");

    private static byte[] EncodeWithinLimit(string text, string operation, string subject)
    {
        byte[] bytes;
        try
        {
            bytes = StrictUtf8.GetBytes(text);
        }
        catch (EncoderFallbackException error)
        {
            // Production would store U+FFFD in place of the lone surrogate, so two different strings would become one key.
            throw new KvException(
                400,
                KvErrorCodes.InvalidKey,
                $"KV {operation} failed: 400 {subject} contains an unpaired UTF-16 surrogate at index {error.Index}. Keys must be valid Unicode text.");
        }

        if (bytes.Length > KvLimits.MaxKeyBytes)
        {
            throw new KvException(
                414,
                KvErrorCodes.InvalidKey,
                $"KV {operation} failed: 414 UTF-8 encoded length of {bytes.Length} exceeds key length limit of {KvLimits.MaxKeyBytes}.");
        }

        return bytes;
    }
}
