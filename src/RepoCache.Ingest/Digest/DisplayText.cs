using System.Globalization;
using System.Text;

namespace RepoCache.Ingest.Digest;

/// <summary>Makes archive paths and link targets safe to print on one digest line.</summary>
internal static class DisplayText
{
    /// <summary>Returns <paramref name="text"/> with each control character (a newline, for example) written as <c>\u000A</c>.</summary>
    public static string Escape(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }
}
