using RepoCache.Proxy.Hosting;

namespace RepoCache.Proxy.Backends.Cloudflare;

/// <summary>Checks that the Cloudflare backend has an account, a namespace, a token and a safe base URL.</summary>
internal static class CloudflareOptionsValidator
{
    /// <summary>Throws <see cref="CacheProxyConfigurationException"/> naming the first missing or invalid setting.</summary>
    public static void Validate(CloudflareKvOptions options)
    {
        Require(options.AccountId, "an account id", "--cf-account-id", CloudflareKvOptions.AccountIdVariable);
        Require(options.NamespaceId, "a namespace id", "--cf-namespace-id", CloudflareKvOptions.NamespaceIdVariable);
        Require(options.ApiToken, "an API token", "--cf-api-token", CloudflareKvOptions.ApiTokenVariable);

        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("https" or "http"))
        {
            throw new CacheProxyConfigurationException(
                $"Cloudflare base URL '{options.BaseUrl}' is not an absolute http(s) URL; use {CloudflareKvOptions.ProductionBaseUrl}.");
        }

        // The token travels in a header, so plain HTTP is allowed only to this machine.
        if (baseUrl.Scheme == "http" && !baseUrl.IsLoopback)
        {
            throw new CacheProxyConfigurationException(
                $"Cloudflare base URL '{options.BaseUrl}' uses plain HTTP to another host, which would expose the API token; use https.");
        }

        if (options.MaxRetries < 0)
        {
            throw new CacheProxyConfigurationException($"Cloudflare MaxRetries is {options.MaxRetries}; use 0 or more.");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero || options.AttemptTimeout <= TimeSpan.Zero)
        {
            throw new CacheProxyConfigurationException("Cloudflare RetryBaseDelay must not be negative and AttemptTimeout must be positive.");
        }
    }

    private static void Require(string? value, string setting, string option, string variable)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new CacheProxyConfigurationException(
                $"The Cloudflare backend needs {setting}; pass {option} or set {variable}.");
        }
    }
}
