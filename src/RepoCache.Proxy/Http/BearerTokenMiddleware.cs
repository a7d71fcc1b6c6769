using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using RepoCache.Proxy.Validation;

namespace RepoCache.Proxy.Http;

/// <summary>Rejects every request whose <c>Authorization</c> header does not carry the configured bearer token.</summary>
internal sealed class BearerTokenMiddleware(RequestDelegate next, string token)
{
    private const string Scheme = "Bearer ";

    private readonly byte[] _expected = Encoding.UTF8.GetBytes(token);

    public async Task InvokeAsync(HttpContext context)
    {
        string? header = context.Request.Headers.Authorization;
        var presented = header is not null && header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            ? Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim())
            : null;

        // Fixed-time comparison, so response timing does not reveal how much of the token matched.
        if (presented is null || !CryptographicOperations.FixedTimeEquals(presented, _expected))
        {
            context.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer realm=\"repocache\"";
            var detail = presented is null
                ? "This proxy requires 'Authorization: Bearer <token>'; send the token it was started with."
                : "The bearer token does not match the token the proxy was started with.";
            await ProblemWriter.WriteAsync(context, StatusCodes.Status401Unauthorized, ProblemCodes.Unauthorized, "Authorization", detail);
            return;
        }

        await next(context);
    }
}
