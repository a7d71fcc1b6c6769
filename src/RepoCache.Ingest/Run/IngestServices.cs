using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using RepoCache.Ingest.Cache;
using RepoCache.Ingest.Digest;
using RepoCache.Ingest.Extraction;
using RepoCache.Ingest.Feed;
using RepoCache.Ingest.Http;
using RepoCache.Ingest.Source;
using RepoCache.Ingest.Store;

namespace RepoCache.Ingest.Run;

/// <summary>The HTTP clients and workers one run uses, built from its options and disposed with it.</summary>
internal sealed class IngestServices : IDisposable
{
    private readonly HttpClient _cacheHttp;
    private readonly HttpClient _gitHubHttp;
    private readonly bool _ownsWorkRoot;

    public IngestServices(IngestOptions options, ILoggerFactory loggerFactory, TimeProvider timeProvider)
    {
        var logger = loggerFactory.CreateLogger<IngestRunner>();
        var userAgent = new ProductInfoHeaderValue("repocache-ingest", typeof(IngestServices).Assembly.GetName().Version?.ToString() ?? "1.0");

        _cacheHttp = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(100) };
        _cacheHttp.DefaultRequestHeaders.UserAgent.Add(userAgent);
        if (!string.IsNullOrEmpty(options.CacheToken))
        {
            _cacheHttp.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.CacheToken);
        }

        // GitHub responds to the tarball request with a redirect to its archive host, which the handler follows.
        _gitHubHttp = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = true, MaxAutomaticRedirections = 5 }) { Timeout = TimeSpan.FromMinutes(10) };
        _gitHubHttp.DefaultRequestHeaders.UserAgent.Add(userAgent);

        FeedOpener = new FeedOpener(_gitHubHttp, RetryPipelineFactory.Create(options.Retry, timeProvider, logger, "feed download"));
        Cache = new CacheClient(
            _cacheHttp, options.CacheUrl, RetryPipelineFactory.Create(options.Retry, timeProvider, logger, "cache proxy"),
            loggerFactory.CreateLogger<CacheClient>());
        GitHub = new GitHubArchiveSource(
            _gitHubHttp, options.GitHubUrl, options.GitHubToken, options.Extraction.MaxArchiveBytes,
            RetryPipelineFactory.Create(options.Retry, timeProvider, logger, "GitHub archive download"),
            loggerFactory.CreateLogger<GitHubArchiveSource>());
        Extractor = new SafeTarExtractor(options.Extraction, loggerFactory.CreateLogger<SafeTarExtractor>());
        DigestProducer = options.DigestCommand is null
            ? new GitIngestDigest(options.MaxFileSize)
            : new ExternalDigestCommand(options.DigestCommand, options.DigestCommandTimeout, loggerFactory.CreateLogger<ExternalDigestCommand>());
        Store = new DigestStore(options.OutputDirectory);

        _ownsWorkRoot = options.WorkDirectory is null;
        WorkRoot = Path.GetFullPath(options.WorkDirectory ?? Path.Combine(Path.GetTempPath(), $"repocache-ingest-{Environment.ProcessId}-{Guid.NewGuid():N}"));
    }

    public FeedOpener FeedOpener { get; }

    public CacheClient Cache { get; }

    public GitHubArchiveSource GitHub { get; }

    public SafeTarExtractor Extractor { get; }

    public IDigestProducer DigestProducer { get; }

    public DigestStore Store { get; }

    /// <summary>Folder under which each repository gets its own download and extraction folder.</summary>
    public string WorkRoot { get; }

    public void Dispose()
    {
        _cacheHttp.Dispose();
        _gitHubHttp.Dispose();
        if (_ownsWorkRoot && Directory.Exists(WorkRoot))
        {
            Directory.Delete(WorkRoot, recursive: true);
        }
    }
}
