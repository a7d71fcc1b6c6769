using System.Text;

namespace RepoCache.Kv.Semantics;

/// <summary>
/// Orders keys by their UTF-8 bytes, compared unsigned, as Workers KV lists them.
/// </summary>
/// <remarks>
/// <see cref="string.CompareOrdinal(string, string)"/> compares UTF-16 code units, which puts characters above
/// U+FFFF (surrogate pairs) before U+E000-U+FFFF. UTF-8 byte order puts them after, as production does.
/// </remarks>
public sealed class Utf8KeyComparer : IComparer<string>
{
    /// <summary>The shared instance.</summary>
    public static Utf8KeyComparer Instance { get; } = new();

    /// <inheritdoc/>
    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        return CompareBytes(Encoding.UTF8.GetBytes(x), Encoding.UTF8.GetBytes(y));
    }

    /// <summary>Compares two UTF-8 byte sequences lexicographically, unsigned.</summary>
    public static int CompareBytes(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y) => x.SequenceCompareTo(y);
}
