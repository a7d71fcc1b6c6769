using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using RepoCache.Ingest.Digest;
using RepoCache.Ingest.Extraction;
using RepoCache.Ingest.Run;

namespace RepoCache.Cli.Bench;

/// <summary>
/// The per-repository work of pass 1 without the network: extract a generated tarball with the runner's
/// extractor, then write its gitingest digest to disk, one archive after another.
/// </summary>
internal static class DigestThroughput
{
    /// <summary>
    /// Generates the archives (not timed), then times extraction, digest and deletion of each archive, and each step alone.
    /// Items are content bytes.
    /// </summary>
    public static async Task<(Measurement[] Measurements, long ContentBytes, long ArchiveBytes)> RunAsync(string workFolder, int archives, CancellationToken cancellationToken)
    {
        var archiveFolder = Directory.CreateDirectory(Path.Combine(workFolder, "archives")).FullName;
        var contentBytes = new long[archives];
        for (var i = 0; i < archives; i++)
        {
            contentBytes[i] = await ArchiveFactory.WriteAsync(Path.Combine(archiveFolder, $"{i}.tar.gz"), i, cancellationToken);
        }

        // Archive 0 is the warm-up, so it counts in neither byte total.
        var archiveBytes = Enumerable.Range(1, archives - 1).Sum(i => new FileInfo(Path.Combine(archiveFolder, $"{i}.tar.gz")).Length);
        var extractor = new SafeTarExtractor(ExtractionLimits.Default, NullLogger<SafeTarExtractor>.Instance);
        var digest = new GitIngestDigest(IngestOptions.DefaultMaxFileSize);
        var digestFolder = Directory.CreateDirectory(Path.Combine(workFolder, "digests")).FullName;

        // The first archive warms up the extractor and digest code and is left out of the figures.
        var steps = new[] { new LatencySamples(), new LatencySamples(), new LatencySamples() };
        await DigestOneAsync(extractor, digest, archiveFolder, digestFolder, 0, steps, 0, cancellationToken);

        steps = [new LatencySamples(), new LatencySamples(), new LatencySamples()];
        var whole = await PhaseTimer.RunAsync("extract-and-digest", 1, async samples =>
        {
            for (var i = 1; i < archives; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await DigestOneAsync(extractor, digest, archiveFolder, digestFolder, i, steps, contentBytes[i], cancellationToken);
                samples.Record(started, contentBytes[i]);
            }
        });

        // Each step's throughput counts only the time spent in that step.
        var extract = PhaseTimer.Summarise("extract", 1, steps[0].Milliseconds.Sum() / 1000, [steps[0]]);
        var write = PhaseTimer.Summarise("digest", 1, steps[1].Milliseconds.Sum() / 1000, [steps[1]]);
        var cleanup = PhaseTimer.Summarise("delete-extracted", 1, steps[2].Milliseconds.Sum() / 1000, [steps[2]]);
        return ([whole, extract, write, cleanup], contentBytes.Skip(1).Sum(), archiveBytes);
    }

    private static async Task DigestOneAsync(
        SafeTarExtractor extractor,
        GitIngestDigest digest,
        string archiveFolder,
        string digestFolder,
        int index,
        LatencySamples[] steps,
        long contentBytes,
        CancellationToken cancellationToken)
    {
        var extractFolder = Path.Combine(archiveFolder, $"extract-{index}");
        var started = Stopwatch.GetTimestamp();
        var extraction = await extractor.ExtractAsync(Path.Combine(archiveFolder, $"{index}.tar.gz"), extractFolder, cancellationToken);
        steps[0].Record(started, contentBytes);

        started = Stopwatch.GetTimestamp();
        await using (var output = File.Create(Path.Combine(digestFolder, $"{index}.txt")))
        {
            await digest.WriteAsync(new DigestInput("bench-owner", $"repository-{index}", extractFolder, extraction), output, cancellationToken);
        }

        steps[1].Record(started, contentBytes);

        // The runner deletes each extraction folder too, so deleting is part of the per-repository work.
        started = Stopwatch.GetTimestamp();
        Directory.Delete(extractFolder, recursive: true);
        steps[2].Record(started, contentBytes);
    }
}
