namespace RepoCache.Ingest.Feed;

/// <summary>Validates rows as the reader finds them, merges duplicates and applies the limit.</summary>
internal sealed class FeedRowCollector(int? limit)
{
    private readonly List<FeedRow> _rows = [];
    private readonly Dictionary<string, int> _positions = new(StringComparer.Ordinal);
    private readonly List<FeedProblem> _problems = [];
    private int _duplicates;

    /// <summary>Number of elements seen so far, valid or not.</summary>
    public int Count { get; private set; }

    /// <summary>Validates the next element of the feed array and keeps, merges or reports it.</summary>
    public void Add(in FeedRowFields fields)
    {
        var (row, problem) = FeedRowValidator.Validate(Count, fields);
        Count++;

        if (problem is not null)
        {
            _problems.Add(problem);
            return;
        }

        var key = row!.Key;
        if (_positions.TryGetValue(key, out var position))
        {
            _rows[position] = Merge(_rows[position], row);
            _duplicates++;
            return;
        }

        if (limit is null || _rows.Count < limit)
        {
            _positions[key] = _rows.Count;
            _rows.Add(row);
        }
    }

    /// <summary>Returns what was collected.</summary>
    public FeedLoadResult ToResult() => new(_rows, _problems, Count, _duplicates);

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
