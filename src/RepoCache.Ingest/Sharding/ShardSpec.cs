using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace RepoCache.Ingest.Sharding;

/// <summary>One shard of N, written <c>i/N</c> with <c>i</c> counting from 1 (<c>1/4</c> to <c>4/4</c>).</summary>
/// <param name="Number">The shard's number, from 1 to <paramref name="Count"/>.</param>
/// <param name="Count">How many shards the feed is split into.</param>
public sealed record ShardSpec(int Number, int Count)
{
    /// <summary>Maximum number of shards, far above any useful process count.</summary>
    public const int MaxCount = 10_000;

    /// <summary>The whole feed as a single shard.</summary>
    public static ShardSpec All { get; } = new(1, 1);

    /// <summary>Parses <c>i/N</c>; on failure <paramref name="problem"/> names the value, the rule and an example.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ShardSpec? shard, [NotNullWhen(false)] out string? problem)
    {
        shard = null;
        problem = null;
        var parts = (text ?? "").Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            problem = $"--shard '{text}' is invalid: write it as i/N, for example 1/4 for the first of four shards.";
            return false;
        }

        if (count < 1 || count > MaxCount)
        {
            problem = $"--shard '{text}' is invalid: N must be between 1 and {MaxCount}.";
            return false;
        }

        if (number < 1 || number > count)
        {
            problem = $"--shard '{text}' is invalid: i counts from 1 to {count}, for example 1/{count} up to {count}/{count}.";
            return false;
        }

        shard = new ShardSpec(number, count);
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Number}/{Count}";
}
