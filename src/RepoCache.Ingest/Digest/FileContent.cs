using System.Text;

namespace RepoCache.Ingest.Digest;

/// <summary>Decides whether a file is text and decodes it: UTF-16 with a BOM, UTF-8 with or without a BOM, invalid bytes replaced.</summary>
public static class FileContent
{
    /// <summary>Bytes inspected for a NUL, which marks a file as binary (the same window git uses).</summary>
    public const int BinaryProbeBytes = 8_000;

    // Throws nothing on invalid bytes: each becomes U+FFFD, so a broken file still appears in the digest.
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>Returns the decoded text, or null when the bytes are binary (a NUL in the first 8,000 bytes, outside UTF-16).</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(bytes[2..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }

        if (bytes[..Math.Min(bytes.Length, BinaryProbeBytes)].Contains((byte)0))
        {
            return null;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        return Utf8.GetString(bytes);
    }
}
