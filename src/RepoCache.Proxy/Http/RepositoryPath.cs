using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using RepoCache.Proxy.Caching;
using RepoCache.Proxy.Validation;

namespace RepoCache.Proxy.Http;

/// <summary>
/// Reads <c>{owner}</c> and <c>{repo}</c> from the raw request target, so that an encoded slash or an extra
/// segment is reported instead of being decoded into a different path.
/// </summary>
internal static class RepositoryPath
{
    /// <summary>Path prefix of the per-repository endpoints.</summary>
    public const string Prefix = "/cache/";

    /// <summary>Returns the validated repository named by the request path.</summary>
    public static RepositoryRef Parse(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "";
        var path = StripQuery(target);

        if (Uri.TryCreate(path, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            path = absolute.AbsolutePath;
        }

        if (!path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw Invalid(path, "it does not start with /cache/");
        }

        var segments = path[Prefix.Length..].Split('/');
        if (segments.Length != 2)
        {
            throw Invalid(path, $"it has {segments.Length} segments after /cache/ where exactly 2 are expected");
        }

        var owner = Uri.UnescapeDataString(segments[0]);
        var name = Uri.UnescapeDataString(segments[1]);
        return FieldRules.Repository(owner, name, "owner", "repo");
    }

    private static string StripQuery(string target)
    {
        var query = target.IndexOf('?');
        return query < 0 ? target : target[..query];
    }

    private static RequestProblemException Invalid(string path, string reason) =>
        new(StatusCodes.Status400BadRequest, ProblemCodes.InvalidPath, "path",
            $"Path '{FieldRules.Shorten(path)}' is invalid because {reason}; use /cache/{{owner}}/{{repo}}.");
}
