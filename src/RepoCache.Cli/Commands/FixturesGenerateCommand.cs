using System.CommandLine;
using System.Globalization;
using RepoCache.Verification.Fixtures.Generator;

namespace RepoCache.Cli.Commands;

/// <summary><c>repocache fixtures generate</c>: writes a synthetic feed shaped like the real one.</summary>
internal static class FixturesGenerateCommand
{
    private const string StandardOutput = "-";

    public static Command Create()
    {
        var defaults = new FeedGeneratorOptions();

        var rows = new Option<int>("--rows")
        {
            Description = $"Rows in the feed, duplicates included (1 to {FeedGeneratorOptions.MaxRows:N0}).",
            DefaultValueFactory = _ => defaults.Rows,
        };
        var seed = new Option<int>("--seed")
        {
            Description = "Seed of the pseudo-random sequence; the same seed and options always write the same bytes.",
            DefaultValueFactory = _ => defaults.Seed,
        };
        var organisations = new Option<int>("--organisations")
        {
            Description = "Number of distinct owners (1 to 1,000).",
            DefaultValueFactory = _ => defaults.Organisations,
        };
        var duplicateRate = new Option<double>("--duplicate-rate")
        {
            Description = "Share of rows that repeat an earlier repository, 0 to 0.5.",
            DefaultValueFactory = _ => defaults.DuplicateRate,
        };
        var output = new Option<string?>("--out")
        {
            Description = "File to write; '-' writes to standard output (default artifacts/fixtures/feed-{rows}-seed{seed}.json).",
        };

        var command = new Command("generate", "Write a synthetic repository feed: mixed-case owners, duplicate rows, both pushedAt spellings, nulls, shuffled order.");
        command.Options.Add(rows);
        command.Options.Add(seed);
        command.Options.Add(organisations);
        command.Options.Add(duplicateRate);
        command.Options.Add(output);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = new FeedGeneratorOptions
            {
                Rows = parseResult.GetValue(rows),
                Seed = parseResult.GetValue(seed),
                Organisations = parseResult.GetValue(organisations),
                DuplicateRate = parseResult.GetValue(duplicateRate),
            };
            var path = parseResult.GetValue(output) ?? Path.Combine("artifacts", "fixtures", $"feed-{options.Rows}-seed{options.Seed}.json");

            return await RunAsync(options, path, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(FeedGeneratorOptions options, string path, CancellationToken cancellationToken)
    {
        if (options.FindProblem() is { } problem)
        {
            Console.Error.WriteLine($"error: {problem} Run 'repocache fixtures generate --help' for every range.");
            return 2;
        }

        var feed = FeedGenerator.Generate(options);

        if (path == StandardOutput)
        {
            await using var stdout = Console.OpenStandardOutput();
            await FeedWriter.WriteAsync(feed.Rows, stdout, cancellationToken);
            Console.Error.WriteLine(Describe(feed.Summary, "standard output", null));
            return 0;
        }

        try
        {
            var bytes = await FeedWriter.WriteFileAsync(feed.Rows, path, cancellationToken);
            Console.WriteLine(Describe(feed.Summary, Path.GetFullPath(path), bytes));
            return 0;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: cannot write the feed to '{path}': {error.Message} Choose a writable path with --out.");
            return 1;
        }
    }

    private static string Describe(FeedSummary summary, string target, long? bytes)
    {
        var size = bytes is { } length ? string.Format(CultureInfo.InvariantCulture, " ({0:N1} MB)", length / 1_000_000.0) : "";
        return string.Format(
            CultureInfo.InvariantCulture,
            "Wrote {0:N0} rows to {1}{2}: {3:N0} repositories of {4:N0} owners, {5:N0} duplicate rows ({6:N0} with the owner in another case), pushedAt null in {7:N0}, with .000Z in {8:N0}, without in {9:N0}.",
            summary.Rows, target, size, summary.UniqueRepositories, summary.Organisations, summary.DuplicateRows,
            summary.CaseVariantDuplicates, summary.NullPushedAt, summary.MillisecondSpelling, summary.SecondSpelling);
    }
}
