using System.Globalization;
using System.Text;

namespace RepoCache.Ingest.Digest;

/// <summary>Renders a tree with box-drawing branches, marking binary, too large and link entries.</summary>
internal static class DigestTreeText
{
    public static string Render(TreeNode root)
    {
        var text = new StringBuilder();
        text.Append("└── ").Append(DisplayText.Escape(root.Name)).Append("/\n");
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

    private static string Label(TreeNode node)
    {
        var name = DisplayText.Escape(node.Name);
        return node.Kind switch
        {
            TreeNodeKind.Directory => name + "/",
            TreeNodeKind.SymbolicLink => $"{name} -> {DisplayText.Escape(node.LinkTarget ?? "")}",
            TreeNodeKind.BinaryFile => string.Create(CultureInfo.InvariantCulture, $"{name} (binary, {node.Size} bytes)"),
            TreeNodeKind.TooLargeFile => string.Create(CultureInfo.InvariantCulture, $"{name} (skipped, {node.Size} bytes)"),
            _ => name,
        };
    }
}
