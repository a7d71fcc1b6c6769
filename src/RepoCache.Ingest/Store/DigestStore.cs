using System.Security.Cryptography;
using RepoCache.Proxy.Contract;

namespace RepoCache.Ingest.Store;

/// <summary>Stores digests at <c>{root}/{owner}/{name}.txt</c>, written to a temporary file first and renamed into place.</summary>
public sealed class DigestStore(string root)
{
    /// <summary>The full path of the output folder.</summary>
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>Returns where the digest of a repository is stored.</summary>
    public string PathOf(string owner, string name) => Path.Combine(Root, owner, name + ".txt");

    /// <summary>
    /// Lets <paramref name="write"/> fill a temporary file beside the target, flushes it to disk, renames it over the
    /// target and returns its path, size and SHA-256. A reader never sees a partial digest; on failure the old one stays.
    /// </summary>
    public async Task<DigestInfo> StoreAsync(string owner, string name, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var target = PathOf(owner, name);
        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{name}.{Guid.NewGuid():N}.tmp");

        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
            {
                await write(stream, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            var (bytes, sha256) = await HashAsync(temporary, cancellationToken);
            File.Move(temporary, target, overwrite: true);
            return new DigestInfo(target, bytes, sha256);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static async Task<(long Bytes, string Sha256)> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        var hash = await SHA256.HashDataAsync(stream, cancellationToken);
        return (stream.Length, Convert.ToHexStringLower(hash));
    }
}
