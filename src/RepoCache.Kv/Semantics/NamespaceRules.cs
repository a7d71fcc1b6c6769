namespace RepoCache.Kv.Semantics;

/// <summary>
/// Validation of namespace ids and titles, with the REST API's error codes.
/// </summary>
public static class NamespaceRules
{
    /// <summary>Length of a namespace id in hexadecimal characters.</summary>
    public const int IdLength = 32;

    /// <summary>Tells whether <paramref name="id"/> is 32 lower-case hexadecimal characters.</summary>
    public static bool IsValidId(string? id) =>
        id is { Length: IdLength } && id.All(character => char.IsAsciiHexDigitLower(character) || char.IsAsciiDigit(character));

    /// <summary>Throws a 400 <see cref="KvException"/> when <paramref name="id"/> is not 32 lower-case hexadecimal characters.</summary>
    public static void ValidateId(string? id)
    {
        if (!IsValidId(id))
        {
            throw new KvException(
                400,
                KvErrorCodes.InvalidNamespaceId,
                $"Invalid namespace id '{id}': a namespace id is {IdLength} lower-case hexadecimal characters, such as the id returned when the namespace was created.");
        }
    }

    /// <summary>Throws a 400 <see cref="KvException"/> when <paramref name="title"/> is empty or longer than 512 characters.</summary>
    public static void ValidateTitle(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new KvException(
                400,
                KvErrorCodes.InvalidNamespaceTitle,
                "Invalid namespace title: the title is missing or blank. Give a title of 1-512 characters.");
        }

        if (title.Length > KvLimits.MaxNamespaceTitleLength)
        {
            throw new KvException(
                400,
                KvErrorCodes.InvalidNamespaceTitle,
                $"Invalid namespace title of {title.Length} characters: the limit is {KvLimits.MaxNamespaceTitleLength}. Give a shorter title.");
        }
    }
}
