using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace RepoCache.Proxy.Http;

/// <summary>Writes every error of the proxy as <c>application/problem+json</c> with <c>code</c> and <c>field</c> members.</summary>
internal static class ProblemWriter
{
    /// <summary>Writes one problem response; <paramref name="extensions"/> adds members such as <c>storedPushedAt</c>.</summary>
    public static Task WriteAsync(
        HttpContext context,
        int statusCode,
        string code,
        string? field,
        string detail,
        IReadOnlyDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails
        {
            Status = statusCode,
            Title = ReasonPhrases.GetReasonPhrase(statusCode),
            Detail = detail,
            Instance = context.Request.Path.Value,
        };

        problem.Extensions["code"] = code;
        if (field is not null)
        {
            problem.Extensions["field"] = field;
        }

        foreach (var (name, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[name] = value;
        }

        context.Response.StatusCode = statusCode;
        return Results.Problem(problem).ExecuteAsync(context);
    }
}
