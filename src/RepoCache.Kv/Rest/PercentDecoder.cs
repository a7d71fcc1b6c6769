using System.Text;
using RepoCache.Kv.Semantics;

namespace RepoCache.Kv.Rest;

/// <summary>
/// Decodes percent escapes in a raw URL path segment exactly once, rejecting what
/// <see cref="Uri.UnescapeDataString(string)"/> would silently keep.
/// </summary>
internal static class PercentDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Decodes <paramref name="raw"/>, throwing a 400 <see cref="KvException"/> that names <paramref name="segmentName"/>
    /// when an escape is malformed or the decoded bytes are not UTF-8.
    /// </summary>
    public static string Decode(string raw, string segmentName)
    {
        if (!raw.Contains('%'))
        {
            return raw;
        }

        var bytes = new List<byte>(raw.Length);
        Span<byte> utf8Buffer = stackalloc byte[4];
        var index = 0;

        while (index < raw.Length)
        {
            var character = raw[index];

            if (character == '%')
            {
                if (index + 2 >= raw.Length)
                {
                    throw MalformedEscape(raw, segmentName, index);
                }

                var high = HexValue(raw[index + 1]);
                var low = HexValue(raw[index + 2]);
                if (high < 0 || low < 0)
                {
                    throw MalformedEscape(raw, segmentName, index);
                }

                bytes.Add((byte)((high << 4) | low));
                index += 3;
                continue;
            }

            // Characters outside ASCII can reach us unescaped; keep them as their UTF-8 bytes.
            var length = char.IsHighSurrogate(character) && index + 1 < raw.Length ? 2 : 1;
            var written = Encoding.UTF8.GetBytes(raw.AsSpan(index, length), utf8Buffer);
            for (var i = 0; i < written; i++)
            {
                bytes.Add(utf8Buffer[i]);
            }

            index += length;
        }

        try
        {
            return StrictUtf8.GetString(bytes.ToArray());
        }
        catch (DecoderFallbackException)
        {
            throw new KvException(
                400,
                KvErrorCodes.MalformedRequest,
                $"The {segmentName} path segment '{raw}' decodes to bytes that are not valid UTF-8. Percent-encode the UTF-8 bytes of the text, as encodeURIComponent does.");
        }
    }

    private static KvException MalformedEscape(string raw, string segmentName, int position) =>
        new(
            400,
            KvErrorCodes.MalformedRequest,
            $"The {segmentName} path segment '{raw}' has a malformed percent escape at character {position}: '%' must be followed by two hexadecimal digits. Encode a literal '%' as %25.");

    private static int HexValue(char character) => character switch
    {
        >= '0' and <= '9' => character - '0',
        >= 'a' and <= 'f' => character - 'a' + 10,
        >= 'A' and <= 'F' => character - 'A' + 10,
        _ => -1,
    };
}
