using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RepoCache.Ingest.Digest;

/// <summary>Names everything that changes a digest, so a cache entry made with other settings is a miss (<c>processor-changed</c>).</summary>
public static class ProcessorFingerprint
{
    /// <summary>
    /// Returns <c>gitingest-v1:</c> (or <c>command-v1:</c> with a digest command) followed by the first 12 hex digits of
    /// a SHA-256 over the format version, the maximum file size and the digest command.
    /// </summary>
    public static string Compute(long maxFileSize, string? digestCommand)
    {
        var prefix = digestCommand is null ? GitIngestDigest.FormatVersion : "command-v1";
        var settings = string.Create(CultureInfo.InvariantCulture, $"format={prefix}\nmax-file-size={maxFileSize}\ndigest-command={digestCommand}");
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(settings)));
        return $"{prefix}:{hash[..12]}";
    }
}
