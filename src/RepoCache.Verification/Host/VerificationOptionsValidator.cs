using System.Globalization;

namespace RepoCache.Verification.Host;

/// <summary>Checks verification parameters before anything starts.</summary>
public static class VerificationOptionsValidator
{
    /// <summary>Largest <c>--count</c>, so a typo cannot start a run of hours.</summary>
    public const int MaxCount = 10_000;

    /// <summary>Largest <c>--shards</c>: runner processes started at once.</summary>
    public const int MaxShards = 64;

    /// <summary>Values the runner accepts for <c>--on-cache-error</c>.</summary>
    public static readonly IReadOnlyList<string> CacheErrorModes = ["fail", "process-all"];

    /// <summary>Throws <see cref="VerificationUsageException"/> naming the first invalid parameter.</summary>
    public static void Validate(VerificationOptions options)
    {
        if (options.Count is < 1 or > MaxCount)
        {
            throw new VerificationUsageException($"--count {options.Count} is invalid: it must be between 1 and {MaxCount}.");
        }

        if (options.Changed < 0 || options.Changed > options.Count)
        {
            throw new VerificationUsageException($"--changed {options.Changed} is invalid: it must be between 0 and --count ({options.Count}).");
        }

        if (options.Shards < 1 || options.Shards > Math.Min(MaxShards, options.Count))
        {
            throw new VerificationUsageException(
                $"--shards {options.Shards} is invalid: it must be between 1 and {Math.Min(MaxShards, options.Count)} (at most {MaxShards}, and no more than --count).");
        }

        if (double.IsNaN(options.Threshold) || options.Threshold is < 0 or > 1)
        {
            throw new VerificationUsageException(
                $"--threshold {options.Threshold.ToString(CultureInfo.InvariantCulture)} is invalid: it is a ratio from 0 to 1, such as 0.90.");
        }

        if (!File.Exists(options.Repos))
        {
            throw new VerificationUsageException($"--repos '{options.Repos}' was not found. Pass a feed JSON file such as fixtures/repos.json.");
        }

        if (options.Runner is not null && !File.Exists(options.Runner))
        {
            throw new VerificationUsageException($"--runner '{options.Runner}' was not found. Pass the path of a runner executable or .dll.");
        }

        if (options.ProxyUrl is not null && (!options.ProxyUrl.IsAbsoluteUri || options.ProxyUrl.Scheme is not ("http" or "https")))
        {
            throw new VerificationUsageException($"--proxy-url '{options.ProxyUrl}' is invalid: pass an absolute http or https URL such as http://127.0.0.1:8787.");
        }

        if (options.OnCacheError is not null && !CacheErrorModes.Contains(options.OnCacheError))
        {
            throw new VerificationUsageException(
                $"--on-cache-error '{options.OnCacheError}' is invalid: use one of {string.Join(", ", CacheErrorModes)}.");
        }

        if (options.RunnerTimeout <= TimeSpan.Zero)
        {
            throw new VerificationUsageException($"--runner-timeout {options.RunnerTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s is invalid: it must be positive.");
        }
    }
}
