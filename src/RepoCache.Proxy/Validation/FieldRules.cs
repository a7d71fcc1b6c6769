using Microsoft.AspNetCore.Http;
using RepoCache.Proxy.Caching;
using RepoCache.Proxy.Contract;

namespace RepoCache.Proxy.Validation;

/// <summary>
/// One rule per value the proxy accepts. Each throws <see cref="RequestProblemException"/> naming the field.
/// </summary>
internal static class FieldRules
{
    /// <summary>Literal accepted in the <c>pushedAt</c> query parameter for a repository that was never pushed.</summary>
    public const string NullLiteral = "null";

    /// <summary>Checks an owner and a name against GitHub's rules.</summary>
    public static RepositoryRef Repository(string? owner, string? name, string ownerField, string nameField)
    {
        if (!RepositoryName.TryValidateOwner(owner, out var ownerProblem))
        {
            throw new RequestProblemException(StatusCodes.Status400BadRequest, ProblemCodes.InvalidRepository, ownerField,
                $"{ownerField}: {ownerProblem}. Send the owner as GitHub spells it.");
        }

        if (!RepositoryName.TryValidateName(name, out var nameProblem))
        {
            throw new RequestProblemException(StatusCodes.Status400BadRequest, ProblemCodes.InvalidRepository, nameField,
                $"{nameField}: {nameProblem}. Send the repository name as GitHub spells it.");
        }

        return new RepositoryRef(owner!, name!);
    }

    /// <summary>Parses a present <c>pushedAt</c>: an ISO 8601 timestamp with an offset, or null.</summary>
    public static DateTimeOffset? PushedAtValue(string? text, string field)
    {
        if (text is null)
        {
            return null;
        }

        if (!PushedAt.TryParse(text, out var instant))
        {
            throw RequestProblemException.Invalid(field,
                $"{field} '{Shorten(text)}' is not an ISO 8601 timestamp with an offset; send it like 2019-02-05T04:42:37Z or 2019-02-05T04:42:37.000Z.");
        }

        return instant;
    }

    /// <summary>Checks an optional processor fingerprint: null, or 1-256 characters without control characters.</summary>
    public static string? Processor(string? processor, string field)
    {
        if (processor is null)
        {
            return null;
        }

        if (processor.Length == 0 || processor.Length > CacheLimits.MaxProcessorLength)
        {
            throw RequestProblemException.Invalid(field,
                $"{field} is {processor.Length} characters long; it must be 1-{CacheLimits.MaxProcessorLength} characters, or left out.");
        }

        if (ContainsControl(processor, out var control))
        {
            throw RequestProblemException.Invalid(field,
                $"{field} contains the control character U+{(int)control:X4}; use printable characters only.");
        }

        return processor;
    }

    /// <summary>Checks an entry status: <c>complete</c> or <c>failed</c>, defaulting to <c>complete</c>.</summary>
    public static string Status(string? status, string field) => status switch
    {
        null => CacheStatus.Complete,
        CacheStatus.Complete or CacheStatus.Failed => status,
        _ => throw RequestProblemException.Invalid(field,
            $"{field} '{Shorten(status)}' is not a status; use '{CacheStatus.Complete}' or '{CacheStatus.Failed}'."),
    };

    /// <summary>Checks a digest's path, size and SHA-256.</summary>
    public static DigestInfo Digest(string path, long bytes, string sha256, string field)
    {
        if (path.Length == 0 || path.Length > CacheLimits.MaxDigestPathLength || ContainsControl(path, out _))
        {
            throw RequestProblemException.Invalid($"{field}.path",
                $"{field}.path must be 1-{CacheLimits.MaxDigestPathLength} printable characters.");
        }

        if (bytes < 0)
        {
            throw RequestProblemException.Invalid($"{field}.bytes", $"{field}.bytes is {bytes}; a size cannot be negative.");
        }

        if (sha256.Length != CacheLimits.Sha256HexLength || !sha256.All(char.IsAsciiHexDigit))
        {
            throw RequestProblemException.Invalid($"{field}.sha256",
                $"{field}.sha256 '{Shorten(sha256)}' is not a SHA-256; send {CacheLimits.Sha256HexLength} hex characters.");
        }

        return new DigestInfo(path, bytes, sha256.ToLowerInvariant());
    }

    /// <summary>Cuts a long client value so that messages stay readable.</summary>
    public static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "...";

    private static bool ContainsControl(string text, out char control)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                control = c;
                return true;
            }
        }

        control = default;
        return false;
    }
}
