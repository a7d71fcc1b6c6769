namespace RepoCache.Kv.Semantics;

/// <summary>
/// Operation labels that production puts in binding error messages (<c>KV &lt;label&gt; failed: ...</c>).
/// </summary>
public static class KvOperations
{
    /// <summary>Label of <c>get</c> and <c>getWithMetadata</c>.</summary>
    public const string Get = "GET";

    /// <summary>Label of a bulk <c>get</c>.</summary>
    public const string GetBulk = "GET_BULK";

    /// <summary>Label of <c>put</c>.</summary>
    public const string Put = "PUT";

    /// <summary>Label of <c>delete</c>.</summary>
    public const string Delete = "DELETE";

    /// <summary>Label of <c>list</c>, which production reports as a GET.</summary>
    public const string List = "GET";
}
