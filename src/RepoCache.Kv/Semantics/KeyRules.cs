using System.Text;

namespace RepoCache.Kv.Semantics;

/// <summary>
/// Key validation shared by every operation, with the messages workerd and Miniflare produce.
/// </summary>
public static class KeyRules
{
    /// <summary>REST API v4 error code for an invalid key name (Cloudflare publishes none; the emulator's choice).</summary>
    public const int InvalidKeyErrorCode = 10020;

    /// <summary>
    /// Throws a <see cref="KvException"/> when <paramref name="key"/> is empty, <c>.</c>, <c>..</c>,
    /// or longer than 512 UTF-8 bytes. <paramref name="operation"/> is the label production uses (GET, PUT, DELETE).
    /// </summary>
    public static void Validate(string key, string operation)
    {
        ArgumentNullException.ThrowIfNull(key);

        if (key.Length == 0)
        {
            throw new KvException(400, InvalidKeyErrorCode, "Key name cannot be empty.");
        }

        if (key is "." or "..")
        {
            throw new KvException(400, InvalidKeyErrorCode, $"\"{key}\" is not allowed as a key name.");
        }

        var bytes = Encoding.UTF8.GetByteCount(key);
        if (bytes > KvLimits.MaxKeyBytes)
        {
            throw new KvException(
                414,
                InvalidKeyErrorCode,
                $"KV {operation} failed: 414 UTF-8 encoded length of {bytes} exceeds key length limit of {KvLimits.MaxKeyBytes}.");
        }
    }
}
