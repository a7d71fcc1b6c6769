using System.Text.Json;

namespace RepoCache.Ingest.Feed;

/// <summary>Streams a JSON array of feed rows, validating each row and merging duplicates, without buffering the whole document.</summary>
public static class FeedReader
{
    /// <summary>
    /// Reads the array from <paramref name="stream"/>. Invalid rows are reported and skipped; a row whose lower-cased
    /// <c>owner/name</c> was already seen is merged into the first one, keeping the later <c>pushedAt</c>.
    /// With <paramref name="limit"/>, only the first that many valid unique rows are kept.
    /// </summary>
    /// <exception cref="FeedException">The stream is not a JSON array or ends before the array does.</exception>
    public static async Task<FeedLoadResult> ReadAsync(Stream stream, int? limit, CancellationToken cancellationToken)
    {
        var rows = new List<FeedRow>();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        var problems = new List<FeedProblem>();
        var index = 0;
        var duplicates = 0;

        try
        {
            var elements = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream, cancellationToken: cancellationToken);
            await foreach (var element in elements.WithCancellation(cancellationToken))
            {
                var (row, problem) = FeedRowValidator.Validate(index, element);
                index++;

                if (problem is not null)
                {
                    problems.Add(problem);
                    continue;
                }

                if (positions.TryGetValue(row!.Key, out var position))
                {
                    rows[position] = Merge(rows[position], row);
                    duplicates++;
                    continue;
                }

                if (limit is null || rows.Count < limit)
                {
                    positions[row.Key] = rows.Count;
                    rows.Add(row);
                }
            }
        }
        catch (JsonException exception)
        {
            throw new FeedException(
                $"The feed is not a valid JSON array of rows (after {index} rows, line {exception.LineNumber + 1}, byte {exception.BytePositionInLine}): {exception.Message} Check that the file is complete and starts with '['.",
                exception);
        }

        return new FeedLoadResult(rows, problems, index, duplicates);
    }

    // The later push wins, because the digest must reflect the newest state; a pushed repository is newer than a never-pushed one.
    private static FeedRow Merge(FeedRow first, FeedRow duplicate)
    {
        if (duplicate.PushedAt is null)
        {
            return first;
        }

        return first.PushedAt is null || duplicate.PushedAt > first.PushedAt
            ? first with { PushedAt = duplicate.PushedAt }
            : first;
    }
}
