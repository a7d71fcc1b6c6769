using Microsoft.AspNetCore.Http;

namespace RepoCache.Proxy.Validation;

/// <summary>
/// A client mistake, turned into one <c>application/problem+json</c> response with its status, code and field.
/// </summary>
public sealed class RequestProblemException(int statusCode, string code, string? field, string message) : Exception(message)
{
    /// <summary>HTTP status of the response (4xx).</summary>
    public int StatusCode { get; } = statusCode;

    /// <summary>One of <see cref="ProblemCodes"/>.</summary>
    public string Code { get; } = code;

    /// <summary>The path segment, query parameter or JSON member at fault (for example <c>repos[3].pushedAt</c>), or null.</summary>
    public string? Field { get; } = field;

    /// <summary>A 400 for a value that breaks its rule.</summary>
    public static RequestProblemException Invalid(string field, string message) =>
        new(StatusCodes.Status400BadRequest, ProblemCodes.InvalidField, field, message);

    /// <summary>A 400 for a required value that is absent.</summary>
    public static RequestProblemException Missing(string field, string message) =>
        new(StatusCodes.Status400BadRequest, ProblemCodes.MissingField, field, message);

    /// <summary>A 400 for a JSON member of the wrong JSON type.</summary>
    public static RequestProblemException WrongType(string field, string expected, string actual) =>
        new(StatusCodes.Status400BadRequest, ProblemCodes.WrongType, field, $"{field} must be {expected}, but the request sent {actual}.");
}
