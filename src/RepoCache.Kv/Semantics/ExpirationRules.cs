namespace RepoCache.Kv.Semantics;

/// <summary>
/// Validation of <c>expirationTtl</c> and <c>expiration</c> in production's order and wording.
/// </summary>
public static class ExpirationRules
{
    /// <summary>
    /// Returns the absolute expiration (epoch seconds) a put stores, or null for none. A TTL wins over an absolute
    /// expiration, which is then not checked at all, as in production.
    /// </summary>
    public static long? Resolve(long? expiration, long? expirationTtl, long now)
    {
        if (expirationTtl is { } ttl)
        {
            if (ttl <= 0)
            {
                throw Invalid($"Invalid expiration_ttl of {ttl}. Please specify integer greater than 0.");
            }

            if (ttl < KvLimits.MinExpirationTtlSeconds)
            {
                throw Invalid($"Invalid expiration_ttl of {ttl}. Expiration TTL must be at least {KvLimits.MinExpirationTtlSeconds}.");
            }

            return checked(now + ttl);
        }

        if (expiration is { } absolute)
        {
            if (absolute <= now)
            {
                throw Invalid($"Invalid expiration of {absolute}. Please specify integer greater than the current number of seconds since the UNIX epoch.");
            }

            if (absolute < now + KvLimits.MinExpirationTtlSeconds)
            {
                throw Invalid($"Invalid expiration of {absolute}. Expiration times must be at least {KvLimits.MinExpirationTtlSeconds} seconds in the future.");
            }

            return absolute;
        }

        return null;
    }

    private static KvException Invalid(string detail) =>
        new(400, KvErrorCodes.InvalidExpiration, $"KV {KvOperations.Put} failed: 400 {detail}");
}
