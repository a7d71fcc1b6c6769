using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace RepoCache.Kv.Rest;

/// <summary>
/// Checks <c>Authorization: Bearer &lt;token&gt;</c> against the configured API token in constant time.
/// </summary>
internal sealed class KvRestAuthenticator
{
    private const string BearerScheme = "Bearer ";

    private readonly byte[]? _expectedHash;

    public KvRestAuthenticator(string? token)
    {
        _expectedHash = string.IsNullOrEmpty(token) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(token));
    }

    /// <summary>Throws a 401 or 403 <see cref="Semantics.KvException"/> unless no token is configured or the request carries it.</summary>
    public void Authenticate(HttpRequest request)
    {
        if (_expectedHash is null)
        {
            return;
        }

        var header = request.Headers[HeaderNames.Authorization].ToString();
        if (header.Length == 0)
        {
            throw KvRestErrors.MissingToken();
        }

        if (!header.StartsWith(BearerScheme, StringComparison.OrdinalIgnoreCase))
        {
            throw KvRestErrors.NotBearerScheme();
        }

        // Comparing fixed-length hashes keeps the comparison time independent of the token's length and content.
        var presentedHash = SHA256.HashData(Encoding.UTF8.GetBytes(header[BearerScheme.Length..].Trim()));
        if (!CryptographicOperations.FixedTimeEquals(presentedHash, _expectedHash))
        {
            throw KvRestErrors.WrongToken();
        }
    }
}
