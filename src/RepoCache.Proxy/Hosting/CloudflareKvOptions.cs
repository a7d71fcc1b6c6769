namespace RepoCache.Proxy.Hosting;

/// <summary>
/// Where the Cloudflare backend finds its namespace. Empty values are read from the environment variables
/// <c>CLOUDFLARE_ACCOUNT_ID</c>, <c>CLOUDFLARE_KV_NAMESPACE_ID</c> and <c>CLOUDFLARE_API_TOKEN</c>.
/// </summary>
public sealed record CloudflareKvOptions
{
    /// <summary>Base URL of the production REST API v4.</summary>
    public const string ProductionBaseUrl = "https://api.cloudflare.com/client/v4";

    /// <summary>Environment variable read when <see cref="AccountId"/> is empty.</summary>
    public const string AccountIdVariable = "CLOUDFLARE_ACCOUNT_ID";

    /// <summary>Environment variable read when <see cref="NamespaceId"/> is empty.</summary>
    public const string NamespaceIdVariable = "CLOUDFLARE_KV_NAMESPACE_ID";

    /// <summary>Environment variable read when <see cref="ApiToken"/> is empty.</summary>
    public const string ApiTokenVariable = "CLOUDFLARE_API_TOKEN";

    /// <summary>Cloudflare account id.</summary>
    public string? AccountId { get; init; }

    /// <summary>Workers KV namespace id.</summary>
    public string? NamespaceId { get; init; }

    /// <summary>API token with Workers KV Storage edit permission. The proxy never logs it.</summary>
    public string? ApiToken { get; init; }

    /// <summary>Base URL of the REST API v4, ending before <c>/accounts</c>.</summary>
    public string BaseUrl { get; init; } = ProductionBaseUrl;

    /// <summary>Retries after the first attempt when the API returns 429 or 5xx or cannot be reached.</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>Delay before the first retry. Later retries double it, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Time limit of one HTTP attempt.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Fills empty ids and token from the environment.</summary>
    public CloudflareKvOptions WithEnvironmentDefaults() => this with
    {
        AccountId = string.IsNullOrWhiteSpace(AccountId) ? Environment.GetEnvironmentVariable(AccountIdVariable) : AccountId,
        NamespaceId = string.IsNullOrWhiteSpace(NamespaceId) ? Environment.GetEnvironmentVariable(NamespaceIdVariable) : NamespaceId,
        ApiToken = string.IsNullOrWhiteSpace(ApiToken) ? Environment.GetEnvironmentVariable(ApiTokenVariable) : ApiToken,
    };
}
