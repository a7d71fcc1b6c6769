namespace RepoCache.Ingest.Digest;

/// <summary>One entry of a repository's directory tree as the digest shows it.</summary>
internal sealed class TreeNode(string name, TreeNodeKind kind, string relativePath)
{
    public string Name { get; } = name;

    public TreeNodeKind Kind { get; set; } = kind;

    /// <summary>Path from the repository root with '/' separators; empty for the root.</summary>
    public string RelativePath { get; } = relativePath;

    public string? FullPath { get; init; }

    public long Size { get; init; }

    public string? LinkTarget { get; init; }

    public SortedDictionary<string, TreeNode> Children { get; } = new(StringComparer.Ordinal);

    /// <summary>Yields this node and every descendant, depth first, children in ordinal name order.</summary>
    public IEnumerable<TreeNode> DepthFirst()
    {
        yield return this;
        foreach (var child in Children.Values)
        {
            foreach (var node in child.DepthFirst())
            {
                yield return node;
            }
        }
    }
}

/// <summary>What a tree entry is, which decides how the digest shows it.</summary>
internal enum TreeNodeKind
{
    Directory,
    File,
    TextFile,
    BinaryFile,
    TooLargeFile,
    SymbolicLink,
}
