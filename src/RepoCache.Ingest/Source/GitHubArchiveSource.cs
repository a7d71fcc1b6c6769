using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Polly;

namespace RepoCache.Ingest.Source;

/// <summary>Downloads repository tarballs with the GitHub REST API (<c>GET {api}/repos/{owner}/{repo}/tarball</c>), following the redirect.</summary>
public sealed class GitHubArchiveSource(
    HttpClient httpClient,
    Uri apiUrl,
    string? token,
    long maxArchiveBytes,
    ResiliencePipeline<HttpResponseMessage> retryPipeline,
    ILogger<GitHubArchiveSource> logger)
{
    /// <summary>The REST API version header GitHub documents for this endpoint.</summary>
    public const string ApiVersion = "2022-11-28";

    private readonly Uri _apiUrl = apiUrl.AbsoluteUri.EndsWith('/') ? apiUrl : new Uri(apiUrl.AbsoluteUri + "/");

    /// <summary>
    /// Downloads the tarball of <paramref name="owner"/>/<paramref name="name"/> into <paramref name="destinationPath"/>
    /// and returns its size in bytes. Network errors, 429 and 5xx are retried; the HTTP client drops the token
    /// when it follows the redirect to the archive host.
    /// </summary>
    /// <exception cref="ArchiveDownloadException">The archive is missing, forbidden, too large or fails after every retry.</exception>
    public async Task<long> DownloadAsync(string owner, string name, string destinationPath, CancellationToken cancellationToken)
    {
        var url = new Uri(_apiUrl, $"repos/{Uri.EscapeDataString(owner)}/{Uri.EscapeDataString(name)}/tarball");
        long bytes = 0;
        try
        {
            using var response = await retryPipeline.ExecuteAsync(
                async attemptToken =>
                {
                    var attempt = await SendAsync(url, attemptToken);
                    if (!attempt.IsSuccessStatusCode)
                    {
                        return attempt;
                    }

                    try
                    {
                        bytes = await CopyBoundedAsync(attempt, destinationPath, url, attemptToken);
                        return attempt;
                    }
                    catch
                    {
                        attempt.Dispose();
                        throw;
                    }
                },
                cancellationToken);

            if (!response.IsSuccessStatusCode)
            {
                throw new ArchiveDownloadException(DescribeFailure(owner, name, url, response.StatusCode));
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new ArchiveDownloadException($"Download of {owner}/{name} from {url} failed after retries: {exception.Message}", exception);
        }

        logger.LogDebug("Downloaded {Owner}/{Name}: {Bytes} bytes", owner, name, bytes);
        return bytes;
    }

    private async Task<HttpResponseMessage> SendAsync(Uri url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github+json"));
        request.Headers.Add("X-GitHub-Api-Version", ApiVersion);
        if (!string.IsNullOrEmpty(token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    private async Task<long> CopyBoundedAsync(HttpResponseMessage response, string destinationPath, Uri url, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > maxArchiveBytes)
        {
            throw new ArchiveDownloadException(
                $"The archive at {url} is {response.Content.Headers.ContentLength} bytes, over the limit of {maxArchiveBytes} bytes; raise --max-archive-bytes to accept it.");
        }

        await using var source = await response.Content.ReadAsStreamAsync(cancellationToken);
        await using var target = new FileStream(destinationPath, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);
        var buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > maxArchiveBytes)
            {
                throw new ArchiveDownloadException(
                    $"The archive at {url} is over the limit of {maxArchiveBytes} bytes; raise --max-archive-bytes to accept it.");
            }

            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return total;
    }

    private static string DescribeFailure(string owner, string name, Uri url, HttpStatusCode status) => status switch
    {
        HttpStatusCode.NotFound =>
            $"GitHub returned 404 for {owner}/{name} ({url}): the repository does not exist, was renamed, or is private; set GITHUB_TOKEN for private repositories.",
        HttpStatusCode.Unauthorized =>
            $"GitHub returned 401 for {owner}/{name} ({url}): the token in GITHUB_TOKEN is invalid or expired.",
        HttpStatusCode.Forbidden =>
            $"GitHub returned 403 for {owner}/{name} ({url}): access is denied or the rate limit is exhausted; set GITHUB_TOKEN or wait.",
        _ => $"GitHub returned HTTP {(int)status} for {owner}/{name} ({url}) after retries.",
    };
}
