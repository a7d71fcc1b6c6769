using System.Text.Json;

namespace RepoCache.Ingest.Feed;

/// <summary>
/// Walks the feed's JSON tokens across buffer refills, one whole row at a time: a row cut off by the end of the
/// buffer is read again from its first byte once more data has arrived. Members other than owner, name and
/// pushedAt are skipped without being decoded.
/// </summary>
internal sealed class FeedTokenScanner(FeedRowCollector collector)
{
    private JsonReaderState _state;
    private Phase _phase = Phase.BeforeArray;

    private enum Phase
    {
        BeforeArray,
        InArray,
        AfterArray,
    }

    private enum Member
    {
        Other,
        Owner,
        Name,
        PushedAt,
    }

    /// <summary>True once the closing bracket of the feed array has been read.</summary>
    public bool ArrayClosed => _phase == Phase.AfterArray;

    /// <summary>Reads every complete row in <paramref name="data"/> and returns how many bytes were used up.</summary>
    /// <exception cref="JsonException">The data is not well-formed JSON.</exception>
    /// <exception cref="FeedException">The document is not an array.</exception>
    public int Scan(ReadOnlySpan<byte> data, bool isFinalBlock)
    {
        var reader = new Utf8JsonReader(data, isFinalBlock, _state);
        var used = 0;

        while (true)
        {
            if (!reader.Read())
            {
                return used;
            }

            switch (_phase)
            {
                case Phase.BeforeArray when reader.TokenType != JsonTokenType.StartArray:
                    throw new FeedException(
                        $"The feed is not a valid JSON array of rows: the document is a JSON {Describe(reader.TokenType)}. Give a file that starts with '[' and holds one object per repository.");
                case Phase.BeforeArray:
                    _phase = Phase.InArray;
                    break;
                case Phase.InArray when reader.TokenType == JsonTokenType.EndArray:
                    _phase = Phase.AfterArray;
                    break;
                case Phase.InArray:
                    if (!TryReadRow(ref reader, out var fields))
                    {
                        return used;
                    }

                    collector.Add(fields);
                    break;
            }

            _state = reader.CurrentState;
            used = (int)reader.BytesConsumed;
        }
    }

    // Reads the element that starts at the reader's current token. Returns false when the buffer ends inside it.
    private static bool TryReadRow(ref Utf8JsonReader reader, out FeedRowFields fields)
    {
        fields = default;
        var kind = KindOf(reader.TokenType);
        if (kind != JsonValueKind.Object)
        {
            fields = new FeedRowFields(kind, FeedField.Missing, FeedField.Missing, FeedField.Missing);
            return reader.TrySkip();
        }

        FeedField owner = FeedField.Missing, name = FeedField.Missing, pushedAt = FeedField.Missing;
        while (true)
        {
            if (!reader.Read())
            {
                return false;
            }

            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            var member = MemberOf(ref reader);
            if (!reader.Read())
            {
                return false;
            }

            // Kind before skipping, because skipping an object or array leaves the reader on its closing token.
            var valueKind = KindOf(reader.TokenType);
            if (!reader.TrySkip())
            {
                return false;
            }

            if (member == Member.Other)
            {
                continue;
            }

            var field = new FeedField(true, valueKind, valueKind == JsonValueKind.String ? reader.GetString() : null);
            switch (member)
            {
                case Member.Owner:
                    owner = field;
                    break;
                case Member.Name:
                    name = field;
                    break;
                default:
                    pushedAt = field;
                    break;
            }
        }

        fields = new FeedRowFields(JsonValueKind.Object, owner, name, pushedAt);
        return true;
    }

    private static Member MemberOf(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("owner"u8))
        {
            return Member.Owner;
        }

        if (reader.ValueTextEquals("name"u8))
        {
            return Member.Name;
        }

        return reader.ValueTextEquals("pushedAt"u8) ? Member.PushedAt : Member.Other;
    }

    private static JsonValueKind KindOf(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => JsonValueKind.Object,
        JsonTokenType.StartArray => JsonValueKind.Array,
        JsonTokenType.String => JsonValueKind.String,
        JsonTokenType.Number => JsonValueKind.Number,
        JsonTokenType.True => JsonValueKind.True,
        JsonTokenType.False => JsonValueKind.False,
        JsonTokenType.Null => JsonValueKind.Null,
        _ => JsonValueKind.Undefined,
    };

    private static string Describe(JsonTokenType token) => KindOf(token) switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => "value",
    };
}
