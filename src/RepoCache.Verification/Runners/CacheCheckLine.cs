using System.Globalization;
using System.Text.RegularExpressions;

namespace RepoCache.Verification.Runners;

/// <summary>The runner's <c>Cache check: 95/100 hits (95.0%), 5 misses</c> line, parsed.</summary>
public sealed partial record CacheCheckLine(string Text, int Hits, int Total, int Misses)
{
    /// <summary>The text every such line starts with.</summary>
    public const string Prefix = "Cache check:";

    /// <summary>Parses the first well-formed <c>Cache check:</c> line among <paramref name="lines"/>, or returns null.</summary>
    public static CacheCheckLine? Find(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            var match = Pattern().Match(line);
            if (!match.Success)
            {
                continue;
            }

            return new CacheCheckLine(
                line.Trim(),
                int.Parse(match.Groups["hits"].Value, CultureInfo.InvariantCulture),
                int.Parse(match.Groups["total"].Value, CultureInfo.InvariantCulture),
                int.Parse(match.Groups["misses"].Value, CultureInfo.InvariantCulture));
        }

        return null;
    }

    [GeneratedRegex(@"Cache check: (?<hits>\d+)/(?<total>\d+) hits \(\d+(\.\d+)?%\), (?<misses>\d+) misses")]
    private static partial Regex Pattern();
}
