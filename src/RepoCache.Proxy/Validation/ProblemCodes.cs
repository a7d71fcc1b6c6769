namespace RepoCache.Proxy.Validation;

/// <summary>
/// Error codes of the proxy's problem responses, sent as the <c>code</c> member of <c>application/problem+json</c>.
/// </summary>
public static class ProblemCodes
{
    /// <summary>The path is not <c>/cache/{owner}/{repo}</c>.</summary>
    public const string InvalidPath = "invalid-path";

    /// <summary>An owner or repository name breaks GitHub's naming rules.</summary>
    public const string InvalidRepository = "invalid-repository";

    /// <summary>A required query parameter or JSON member is absent.</summary>
    public const string MissingField = "missing-field";

    /// <summary>A query parameter or JSON member has a value its rule does not allow.</summary>
    public const string InvalidField = "invalid-field";

    /// <summary>A JSON member has the wrong JSON type.</summary>
    public const string WrongType = "wrong-type";

    /// <summary>A JSON member that the endpoint does not define.</summary>
    public const string UnknownField = "unknown-field";

    /// <summary>The body is not one well-formed JSON value.</summary>
    public const string InvalidJson = "invalid-json";

    /// <summary>The body is larger than the endpoint's limit.</summary>
    public const string BodyTooLarge = "body-too-large";

    /// <summary>A batch has more repositories than the limit.</summary>
    public const string TooManyItems = "too-many-items";

    /// <summary>A complete entry with a later <c>pushedAt</c> is stored. Nothing changed.</summary>
    public const string LaterEntryStored = "later-entry-stored";

    /// <summary>The KV store failed, so the request may not have taken effect.</summary>
    public const string StoreUnavailable = "store-unavailable";

    /// <summary>The <c>Authorization</c> header is absent or carries the wrong token.</summary>
    public const string Unauthorized = "unauthorized";

    /// <summary>No endpoint has this path, or it does not accept this method.</summary>
    public const string NotFound = "not-found";
}
