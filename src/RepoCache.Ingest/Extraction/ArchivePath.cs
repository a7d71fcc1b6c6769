namespace RepoCache.Ingest.Extraction;

/// <summary>Maps an archive entry name to a path under the work folder, or returns why it must not be extracted.</summary>
internal static class ArchivePath
{
    /// <summary>
    /// Strips the archive's top folder and checks the rest. Returns a null relative path (and no reason) for the top folder
    /// itself, and a reason for names that are absolute, contain <c>..</c> or would resolve outside <paramref name="root"/>.
    /// </summary>
    public static Placement Place(string entryName, string root)
    {
        if (entryName.StartsWith('/') || entryName.StartsWith('\\') || (entryName.Length >= 2 && entryName[1] == ':' && char.IsAsciiLetter(entryName[0])))
        {
            return Placement.Skip("absolute path is not extracted");
        }

        // A backslash is a separator on Windows, so it is treated as one everywhere to give every platform the same result.
        var segments = entryName.Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries)
            .Where(segment => segment != ".")
            .ToArray();

        if (segments.Contains(".."))
        {
            return Placement.Skip("path contains '..' and would leave the work folder");
        }

        if (segments.Length <= 1)
        {
            return Placement.TopFolder;
        }

        var relative = string.Join('/', segments.Skip(1));
        var full = Path.GetFullPath(Path.Combine(root, relative));
        var rootWithSeparator = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        if (!full.StartsWith(rootWithSeparator, StringComparison.Ordinal))
        {
            return Placement.Skip("path resolves outside the work folder");
        }

        return new Placement(relative, full, null);
    }

    /// <summary>Where an entry goes: a relative and full path, or the reason it is skipped.</summary>
    internal sealed record Placement(string? RelativePath, string? FullPath, string? SkipReason)
    {
        public static Placement TopFolder { get; } = new(null, null, null);

        public static Placement Skip(string reason) => new(null, null, reason);
    }
}
