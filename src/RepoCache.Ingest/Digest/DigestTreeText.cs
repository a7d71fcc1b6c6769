using System.Globalization;
using System.Text;

namespace RepoCache.Ingest.Digest;

/// <summary>Renders a tree with box-drawing branches, marking binary, too large and link entries.</summary>
internal static class DigestTreeText
{
    public static string Render(TreeNode root)
    {
        var text = new StringBuilder();
        text.Append("└── ").Append(root.Name).Append("/\n");
        AppendChildren(text, root, "    ");
        return text.ToString();
    }

    private static void AppendChildren(StringBuilder text, TreeNode parent, string indent)
    {
        var children = parent.Children.Values.ToList();
        for (var i = 0; i < children.Count; i++)
        {
            var child = children[i];
            var isLast = i == children.Count - 1;
            text.Append(indent).Append(isLast ? "└── " : "├── ").Append(Label(child)).Append('\n');
            if (child.Kind == TreeNodeKind.Directory)
            {
                AppendChildren(text, child, indent + (isLast ? "    " : "│   "));
            }
        }
    }

    private static string Label(TreeNode node) => node.Kind switch
    {
        TreeNodeKind.Directory => node.Name + "/",
        TreeNodeKind.SymbolicLink => $"{node.Name} -> {node.LinkTarget}",
        TreeNodeKind.BinaryFile => string.Create(CultureInfo.InvariantCulture, $"{node.Name} (binary, {node.Size} bytes)"),
        TreeNodeKind.TooLargeFile => string.Create(CultureInfo.InvariantCulture, $"{node.Name} (skipped, {node.Size} bytes)"),
        _ => node.Name,
    };
}
