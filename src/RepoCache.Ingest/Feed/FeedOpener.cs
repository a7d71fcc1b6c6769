using Polly;

namespace RepoCache.Ingest.Feed;

/// <summary>Opens the feed from a local file or an http(s) URL as a stream, so it is read once and never held whole.</summary>
public sealed class FeedOpener(HttpClient httpClient, ResiliencePipeline<HttpResponseMessage> retryPipeline)
{
    /// <summary>Reads and validates the feed at <paramref name="location"/>, keeping at most <paramref name="limit"/> valid unique rows.</summary>
    /// <exception cref="FeedException">The feed cannot be opened or is not a JSON array.</exception>
    public async Task<FeedLoadResult> LoadAsync(string location, int? limit, CancellationToken cancellationToken)
    {
        if (Uri.TryCreate(location, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return await LoadFromUrlAsync(uri, limit, cancellationToken);
        }

        if (uri is not null && !uri.IsFile)
        {
            throw new FeedException($"The feed location '{location}' uses the scheme '{uri.Scheme}'; give a file path or an http(s) URL.");
        }

        return await LoadFromFileAsync(location, limit, cancellationToken);
    }

    private static async Task<FeedLoadResult> LoadFromFileAsync(string path, int? limit, CancellationToken cancellationToken)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 * 1024, useAsync: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new FeedException($"The feed file '{path}' cannot be opened: {exception.Message} Pass --repos with an existing JSON file or an http(s) URL.", exception);
        }

        await using (stream)
        {
            return await FeedReader.ReadAsync(stream, limit, cancellationToken);
        }
    }

    private async Task<FeedLoadResult> LoadFromUrlAsync(Uri uri, int? limit, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await retryPipeline.ExecuteAsync(
                async token => await httpClient.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, token),
                cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new FeedException($"The feed URL '{FeedLocation.Redact(uri.AbsoluteUri)}' cannot be reached: {exception.Message}", exception);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new FeedException($"The feed URL '{FeedLocation.Redact(uri.AbsoluteUri)}' returned HTTP {(int)response.StatusCode} {response.ReasonPhrase}; expected 200 with a JSON array.");
            }

            try
            {
                await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
                return await FeedReader.ReadAsync(stream, limit, cancellationToken);
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException)
            {
                throw new FeedException($"The feed download from '{FeedLocation.Redact(uri.AbsoluteUri)}' broke off: {exception.Message}", exception);
            }
        }
    }
}
