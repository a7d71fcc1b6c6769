using RepoCache.Proxy.Stats;

namespace RepoCache.Proxy.Tests;

public class LatencyHistogramTests
{
    [Fact]
    public void Percentiles_are_within_five_percent()
    {
        var histogram = new LatencyHistogram();
        for (var i = 1; i <= 1000; i++)
        {
            histogram.Record(TimeSpan.FromMicroseconds(i * 100));
        }

        var summary = histogram.Summarise();

        summary.Count.ShouldBe(1000);
        summary.P50.ShouldBe(50.0, tolerance: 50.0 * 0.05);
        summary.P95.ShouldBe(95.0, tolerance: 95.0 * 0.05);
        summary.P99.ShouldBe(99.0, tolerance: 99.0 * 0.05);
        summary.Max.ShouldBe(100.0);
    }

    [Fact]
    public void Percentile_never_exceeds_the_maximum()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(TimeSpan.FromMilliseconds(3));

        var summary = histogram.Summarise();

        summary.P99.ShouldBeLessThanOrEqualTo(3.0);
        summary.P50.ShouldBeGreaterThan(2.8);
    }

    [Fact]
    public void Export_and_import_keep_the_samples()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(TimeSpan.FromMilliseconds(1));
        histogram.Record(TimeSpan.FromMilliseconds(10));

        var copy = new LatencyHistogram();
        copy.Import(histogram.Export());

        copy.Summarise().ShouldBe(histogram.Summarise());
    }

    [Fact]
    public void Import_ignores_another_bucket_layout()
    {
        var histogram = new LatencyHistogram();

        histogram.Import(new LatencyHistogramState([1, 2, 3], 5));

        histogram.Count.ShouldBe(0);
    }

    [Fact]
    public void Samples_beyond_the_last_bucket_are_counted()
    {
        var histogram = new LatencyHistogram();

        histogram.Record(TimeSpan.FromHours(2));

        histogram.Summarise().Count.ShouldBe(1);
        histogram.Summarise().Max.ShouldBe(TimeSpan.FromHours(2).TotalMilliseconds);
    }
}
