using System.Buffers;
using System.Text.Json;

namespace RepoCache.Ingest.Feed;

/// <summary>Streams a JSON array of feed rows, validating each row and merging duplicates, without buffering the whole document.</summary>
public static class FeedReader
{
    // Large reads keep the number of asynchronous hops low: an 11 MB feed takes about 43 of them.
    private const int ReadSize = 256 * 1024;

    /// <summary>
    /// Reads the array from <paramref name="stream"/>. Invalid rows are reported and skipped; a row whose lower-cased
    /// <c>owner/name</c> was already seen is merged into the first one, keeping the later <c>pushedAt</c>.
    /// With <paramref name="limit"/>, only the first that many valid unique rows are kept.
    /// </summary>
    /// <exception cref="FeedException">The stream is not a JSON array or ends before the array does.</exception>
    public static async Task<FeedLoadResult> ReadAsync(Stream stream, int? limit, CancellationToken cancellationToken)
    {
        var collector = new FeedRowCollector(limit);
        var scanner = new FeedTokenScanner(collector);
        var buffer = ArrayPool<byte>.Shared.Rent(ReadSize * 2);
        var filled = 0;
        var start = 0;
        var atStart = true;

        try
        {
            while (true)
            {
                if (buffer.Length - filled < ReadSize)
                {
                    buffer = Compact(buffer, ref start, ref filled);
                }

                var read = await stream.ReadAsync(buffer.AsMemory(filled, buffer.Length - filled), cancellationToken);
                filled += read;
                if (atStart)
                {
                    // A UTF-8 byte order mark before the array is skipped.
                    if (filled - start < 3 && read != 0)
                    {
                        continue;
                    }

                    start += buffer.AsSpan(start, filled - start).StartsWith("\uFEFF"u8) ? 3 : 0;
                    atStart = false;
                }

                var isFinalBlock = read == 0;
                start += scanner.Scan(buffer.AsSpan(start, filled - start), isFinalBlock);
                if (isFinalBlock)
                {
                    break;
                }
            }
        }
        catch (JsonException exception)
        {
            throw new FeedException(
                $"The feed is not a valid JSON array of rows (after {collector.Count} rows, line {exception.LineNumber + 1}, byte {exception.BytePositionInLine}): {exception.Message} Check that the file is complete and starts with '['.",
                exception);
        }
        catch (InvalidOperationException exception)
        {
            throw new FeedException(
                $"The feed is not a valid JSON array of rows (after {collector.Count} rows): a string cannot be decoded: {exception.Message} Save the feed as UTF-8.",
                exception);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (!scanner.ArrayClosed)
        {
            throw new FeedException($"The feed is not a valid JSON array of rows (after {collector.Count} rows): it ends before the closing ']'. Check that the file is complete.");
        }

        return collector.ToResult();
    }

    // Moves the unread bytes to the front, and when a single row fills most of the buffer, into a buffer twice the size.
    private static byte[] Compact(byte[] buffer, ref int start, ref int filled)
    {
        var pending = filled - start;
        var target = pending + ReadSize <= buffer.Length ? buffer : ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
        Buffer.BlockCopy(buffer, start, target, 0, pending);
        if (!ReferenceEquals(target, buffer))
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        start = 0;
        filled = pending;
        return target;
    }
}
