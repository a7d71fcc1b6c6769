using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using RepoCache.Proxy.Contract;

namespace RepoCache.Verification.Fixtures.Generator;

/// <summary>Writes feed rows as a bare JSON array, one row per line, in the field order of the real feed.</summary>
public static class FeedWriter
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    private static readonly JsonWriterOptions RowOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
    };

    /// <summary>Writes <paramref name="rows"/> to <paramref name="stream"/> as a JSON array.</summary>
    public static async Task WriteAsync(IEnumerable<SyntheticRepository> rows, Stream stream, CancellationToken cancellationToken = default)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        await stream.WriteAsync("["u8.ToArray(), cancellationToken);

        var first = true;
        foreach (var row in rows)
        {
            buffer.ResetWrittenCount();
            if (!first)
            {
                buffer.Write(","u8);
            }

            buffer.Write(NewLine);
            WriteRow(row, buffer);

            await stream.WriteAsync(buffer.WrittenMemory, cancellationToken);
            first = false;
        }

        await stream.WriteAsync("\n]\n"u8.ToArray(), cancellationToken);
    }

    /// <summary>
    /// Writes the feed to <paramref name="path"/> through a temporary file in the same folder, so a reader
    /// never sees half a feed and an interrupted run leaves any earlier file untouched.
    /// </summary>
    public static async Task<long> WriteFileAsync(IEnumerable<SyntheticRepository> rows, string path, CancellationToken cancellationToken = default)
    {
        var fullPath = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(folder);

        var temporary = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await WriteAsync(rows, stream, cancellationToken);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        return new FileInfo(fullPath).Length;
    }

    private static void WriteRow(SyntheticRepository row, IBufferWriter<byte> output)
    {
        using var writer = new Utf8JsonWriter(output, RowOptions);
        writer.WriteStartObject();
        writer.WriteString("owner", row.Owner);
        writer.WriteString("name", row.Name);
        writer.WriteString("url", row.Url);
        writer.WriteBoolean("archived", row.Archived);
        WriteNullableString(writer, "license", row.License);
        writer.WriteNumber("stargazersCount", row.StargazersCount);
        WriteNullableString(writer, "language", row.Language);
        writer.WriteNumber("forksCount", row.ForksCount);
        writer.WriteNumber("openIssuesCount", row.OpenIssuesCount);
        writer.WriteString("createdAt", Format(row.CreatedAt, row.WithMilliseconds));
        writer.WriteString("updatedAt", Format(row.UpdatedAt, row.WithMilliseconds));
        WriteNullableString(writer, "pushedAt", row.PushedAt is { } pushedAt ? Format(pushedAt, row.WithMilliseconds) : null);
        if (row.Description is not null)
        {
            writer.WriteString("description", row.Description);
        }

        writer.WriteEndObject();
    }

    private static void WriteNullableString(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static string Format(DateTimeOffset instant, bool withMilliseconds) =>
        withMilliseconds ? PushedAt.FormatWithMilliseconds(instant) : PushedAt.Format(instant);
}
