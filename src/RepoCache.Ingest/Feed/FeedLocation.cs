namespace RepoCache.Ingest.Feed;

/// <summary>Formats a feed location for logs and the summary without the credentials a URL may carry.</summary>
public static class FeedLocation
{
    /// <summary>Returns <paramref name="location"/> with the user information of an http(s) URL replaced by <c>***</c>.</summary>
    public static string Redact(string location)
    {
        if (!Uri.TryCreate(location, UriKind.Absolute, out var uri) || uri.IsFile || uri.UserInfo.Length == 0)
        {
            return location;
        }

        return new UriBuilder(uri) { UserName = "***", Password = "" }.Uri.AbsoluteUri;
    }
}
