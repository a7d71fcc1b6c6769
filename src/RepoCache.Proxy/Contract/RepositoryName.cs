using System.Diagnostics.CodeAnalysis;

namespace RepoCache.Proxy.Contract;

/// <summary>
/// GitHub's rules for owner (user or organisation) and repository names. GitHub compares both case-insensitively.
/// </summary>
public static class RepositoryName
{
    /// <summary>Maximum length of an owner name on GitHub.</summary>
    public const int MaxOwnerLength = 39;

    /// <summary>Maximum length of a repository name on GitHub.</summary>
    public const int MaxNameLength = 100;

    /// <summary>
    /// Checks an owner name: 1-39 ASCII letters, digits or hyphens, not starting with a hyphen.
    /// Underscores are accepted too, because some older accounts carry them.
    /// </summary>
    public static bool TryValidateOwner(string? owner, [NotNullWhen(false)] out string? problem)
    {
        problem = null;
        if (string.IsNullOrEmpty(owner))
        {
            problem = "owner must not be empty";
            return false;
        }

        if (owner.Length > MaxOwnerLength)
        {
            problem = $"owner '{Shorten(owner)}' is {owner.Length} characters long; GitHub allows at most {MaxOwnerLength}";
            return false;
        }

        if (owner[0] == '-')
        {
            problem = $"owner '{owner}' starts with a hyphen, which GitHub does not allow";
            return false;
        }

        foreach (var c in owner)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                problem = $"owner '{owner}' contains '{c}'; GitHub allows only ASCII letters, digits and hyphens (and underscores in some older accounts)";
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Checks a repository name: 1-100 ASCII letters, digits, <c>.</c>, <c>-</c> or <c>_</c>, and not <c>.</c> or <c>..</c>.
    /// </summary>
    public static bool TryValidateName(string? name, [NotNullWhen(false)] out string? problem)
    {
        problem = null;
        if (string.IsNullOrEmpty(name))
        {
            problem = "name must not be empty";
            return false;
        }

        if (name.Length > MaxNameLength)
        {
            problem = $"name '{Shorten(name)}' is {name.Length} characters long; GitHub allows at most {MaxNameLength}";
            return false;
        }

        if (name is "." or "..")
        {
            problem = $"name '{name}' is reserved by GitHub";
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            {
                problem = $"name '{Shorten(name)}' contains '{c}'; GitHub allows only ASCII letters, digits, '.', '-' and '_'";
                return false;
            }
        }

        return true;
    }

    /// <summary>The Workers KV key of a repository: <c>repo:{owner}/{name}</c>, both lower-cased (invariant).</summary>
    public static string CacheKey(string owner, string name) =>
        $"repo:{owner.ToLowerInvariant()}/{name.ToLowerInvariant()}";

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
