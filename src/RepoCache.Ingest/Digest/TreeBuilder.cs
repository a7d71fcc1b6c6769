using RepoCache.Ingest.Extraction;

namespace RepoCache.Ingest.Digest;

/// <summary>Builds the digest's tree from the extracted folder plus the symbolic links, which exist only in the extraction report.</summary>
internal static class TreeBuilder
{
    public static TreeNode Build(string rootName, string directory, IReadOnlyList<SymbolicLinkEntry> links)
    {
        var root = new TreeNode(rootName, TreeNodeKind.Directory, "");
        AddDirectory(root, new DirectoryInfo(directory));

        foreach (var link in links)
        {
            AddLink(root, link);
        }

        return root;
    }

    private static void AddDirectory(TreeNode parent, DirectoryInfo directory)
    {
        foreach (var entry in directory.EnumerateFileSystemInfos())
        {
            var relative = parent.RelativePath.Length == 0 ? entry.Name : $"{parent.RelativePath}/{entry.Name}";

            // The extractor never creates links; one found here is shown, never followed.
            if (entry.LinkTarget is { } target)
            {
                parent.Children[entry.Name] = new TreeNode(entry.Name, TreeNodeKind.SymbolicLink, relative) { LinkTarget = target };
            }
            else if (entry is DirectoryInfo child)
            {
                var node = new TreeNode(entry.Name, TreeNodeKind.Directory, relative);
                parent.Children[entry.Name] = node;
                AddDirectory(node, child);
            }
            else if (entry is FileInfo file)
            {
                parent.Children[entry.Name] = new TreeNode(entry.Name, TreeNodeKind.File, relative) { FullPath = file.FullName, Size = file.Length };
            }
        }
    }

    private static void AddLink(TreeNode root, SymbolicLinkEntry link)
    {
        var segments = link.Path.Split('/');
        var parent = root;
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (!parent.Children.TryGetValue(segments[i], out var next))
            {
                var relative = string.Join('/', segments.Take(i + 1));
                next = new TreeNode(segments[i], TreeNodeKind.Directory, relative);
                parent.Children[segments[i]] = next;
            }

            if (next.Kind != TreeNodeKind.Directory)
            {
                return;
            }

            parent = next;
        }

        var name = segments[^1];
        parent.Children.TryAdd(name, new TreeNode(name, TreeNodeKind.SymbolicLink, link.Path) { LinkTarget = link.Target });
    }
}
