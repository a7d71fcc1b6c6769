using RepoCache.Verification.Host;

namespace RepoCache.Verification.Tests.Host;

public sealed class VerificationOptionsValidatorTests
{
    private static readonly VerificationOptions Valid = new() { Repos = RepositoryPaths.Fixture };

    [Fact]
    public void Defaults_are_valid()
    {
        Should.NotThrow(() => VerificationOptionsValidator.Validate(Valid));
    }

    [Theory]
    [InlineData(0, 0, 1, 0.9, "--count 0 is invalid")]
    [InlineData(10, 11, 1, 0.9, "--changed 11 is invalid")]
    [InlineData(10, -1, 1, 0.9, "--changed -1 is invalid")]
    [InlineData(10, 1, 0, 0.9, "--shards 0 is invalid")]
    [InlineData(10, 1, 11, 0.9, "--shards 11 is invalid")]
    [InlineData(10, 1, 2, 1.5, "--threshold 1.5 is invalid")]
    [InlineData(10, 1, 2, -0.1, "--threshold -0.1 is invalid")]
    [InlineData(10, 1, 2, double.NaN, "--threshold NaN is invalid")]
    public void Out_of_range_numbers_are_rejected(int count, int changed, int shards, double threshold, string message)
    {
        var options = Valid with { Count = count, Changed = changed, Shards = shards, Threshold = threshold };

        Should.Throw<VerificationUsageException>(() => VerificationOptionsValidator.Validate(options)).Message.ShouldContain(message);
    }

    [Fact]
    public void Missing_runner_is_rejected()
    {
        var options = Valid with { Runner = "/nonexistent/runner.dll" };

        Should.Throw<VerificationUsageException>(() => VerificationOptionsValidator.Validate(options)).Message.ShouldContain("--runner '/nonexistent/runner.dll' was not found");
    }

    [Fact]
    public void Non_http_proxy_url_is_rejected()
    {
        var options = Valid with { ProxyUrl = new Uri("ftp://127.0.0.1/") };

        Should.Throw<VerificationUsageException>(() => VerificationOptionsValidator.Validate(options)).Message.ShouldContain("--proxy-url");
    }

    [Fact]
    public void Unknown_cache_error_mode_is_rejected()
    {
        var options = Valid with { OnCacheError = "ignore" };

        Should.Throw<VerificationUsageException>(() => VerificationOptionsValidator.Validate(options)).Message.ShouldContain("use one of fail, process-all");
    }
}
