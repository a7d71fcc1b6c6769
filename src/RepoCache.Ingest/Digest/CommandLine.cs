using System.Text;

namespace RepoCache.Ingest.Digest;

/// <summary>Splits a command line into the program and its arguments, honouring single and double quotes.</summary>
public static class CommandLine
{
    /// <summary>Returns the words of <paramref name="commandLine"/>; a quoted word may contain spaces.</summary>
    /// <exception cref="ArgumentException">A quote is not closed or the line has no words.</exception>
    public static IReadOnlyList<string> Split(string commandLine)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var inWord = false;
        char? quote = null;

        foreach (var c in commandLine)
        {
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(current.ToString());
                    current.Clear();
                    inWord = false;
                }
            }
            else
            {
                current.Append(c);
                inWord = true;
            }
        }

        if (quote is not null)
        {
            throw new ArgumentException($"The command line '{commandLine}' has an unclosed {quote} quote.", nameof(commandLine));
        }

        if (inWord)
        {
            words.Add(current.ToString());
        }

        return words.Count > 0 ? words : throw new ArgumentException("The command line is empty; give a program and its arguments.", nameof(commandLine));
    }
}
