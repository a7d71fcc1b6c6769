using System.Globalization;
using System.Text;

namespace RepoCache.Ingest.Digest;

/// <summary>
/// Writes a gitingest-style digest: a summary header, the directory tree, then each text file under a separator
/// naming its path. Output depends only on the extracted content, so the same archive always gives the same bytes.
/// </summary>
public sealed class GitIngestDigest(long maxFileSize) : IDigestProducer
{
    /// <summary>Version of the layout below; changing the layout must change it, because it is part of the processor fingerprint.</summary>
    public const string FormatVersion = "gitingest-v1";

    private const string Separator = "================================================";
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <inheritdoc/>
    public async Task WriteAsync(DigestInput input, Stream output, CancellationToken cancellationToken)
    {
        var root = TreeBuilder.Build(input.Name, input.Directory, input.Extraction.SymbolicLinks);
        var nodes = root.DepthFirst().ToList();
        var textCharacters = await ClassifyAsync(nodes, cancellationToken);

        var tree = DigestTreeText.Render(root);
        var skippedLines = SkippedLines(nodes, input).ToList();
        var estimatedTokens = (textCharacters + tree.Length + 3) / 4;

        await using var writer = new StreamWriter(output, Utf8NoBom, bufferSize: 64 * 1024, leaveOpen: true) { NewLine = "\n" };

        await writer.WriteLineAsync($"Repository: {input.Owner}/{input.Name}");
        await writer.WriteLineAsync($"Files analyzed: {Count(nodes, TreeNodeKind.TextFile)}");
        await writer.WriteLineAsync($"Binary files: {Count(nodes, TreeNodeKind.BinaryFile)}");
        await writer.WriteLineAsync($"Skipped files: {skippedLines.Count}");
        await writer.WriteLineAsync($"Symbolic links: {Count(nodes, TreeNodeKind.SymbolicLink)}");
        await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Estimated tokens: {estimatedTokens}"));
        await writer.WriteLineAsync();

        await writer.WriteLineAsync("Directory structure:");
        await writer.WriteAsync(tree);

        if (skippedLines.Count > 0)
        {
            await writer.WriteLineAsync();
            await writer.WriteLineAsync("Skipped:");
            foreach (var line in skippedLines)
            {
                await writer.WriteLineAsync(line);
            }
        }

        foreach (var node in nodes.Where(node => node.Kind == TreeNodeKind.TextFile))
        {
            var text = FileContent.Decode(await File.ReadAllBytesAsync(node.FullPath!, cancellationToken)) ?? "";
            await writer.WriteLineAsync();
            await writer.WriteLineAsync(Separator);
            await writer.WriteLineAsync($"FILE: {DisplayText.Escape(node.RelativePath)}");
            await writer.WriteLineAsync(Separator);
            await writer.WriteAsync(text);
            if (!text.EndsWith('\n'))
            {
                await writer.WriteLineAsync();
            }
        }

        await writer.FlushAsync(cancellationToken);
    }

    // Reads each file once to sort it into text, binary or too large; returns the characters of all text files.
    private async Task<long> ClassifyAsync(List<TreeNode> nodes, CancellationToken cancellationToken)
    {
        long characters = 0;
        foreach (var node in nodes.Where(node => node.Kind == TreeNodeKind.File))
        {
            if (node.Size > maxFileSize)
            {
                node.Kind = TreeNodeKind.TooLargeFile;
                continue;
            }

            var text = FileContent.Decode(await File.ReadAllBytesAsync(node.FullPath!, cancellationToken));
            node.Kind = text is null ? TreeNodeKind.BinaryFile : TreeNodeKind.TextFile;
            characters += text?.Length ?? 0;
        }

        return characters;
    }

    private IEnumerable<string> SkippedLines(List<TreeNode> nodes, DigestInput input)
    {
        var tooLarge = nodes
            .Where(node => node.Kind == TreeNodeKind.TooLargeFile)
            .Select(node => string.Create(CultureInfo.InvariantCulture, $"- {DisplayText.Escape(node.RelativePath)}: {node.Size} bytes, over the maximum file size of {maxFileSize} bytes"));

        var notExtracted = input.Extraction.Skipped
            .Select(entry => $"- {DisplayText.Escape(entry.Path)}: {entry.Reason}")
            .Order(StringComparer.Ordinal);

        return tooLarge.Concat(notExtracted);
    }

    private static int Count(List<TreeNode> nodes, TreeNodeKind kind) => nodes.Count(node => node.Kind == kind);
}
