namespace RepoCache.Cli.Bench;

/// <summary>One KV namespace as the KV workload drives it, in-process or over HTTP.</summary>
internal interface IKvBenchTarget
{
    /// <summary>Writes one key.</summary>
    Task PutAsync(string key, byte[] value);

    /// <summary>Reads one key, or returns null when it is missing.</summary>
    Task<byte[]?> GetAsync(string key);

    /// <summary>Lists one page of up to 1,000 keys after <paramref name="cursor"/>; the returned cursor is null on the last page.</summary>
    Task<(int Keys, string? Cursor)> ListPageAsync(string? cursor);
}
