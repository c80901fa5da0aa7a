using System.Buffers;
using System.Text.Json;

namespace FigiAuth.LoadTest.Lean;

/// <summary>What the lean client takes from an AuthenticationRequest: the header to echo, its appID, the challenge.</summary>
internal readonly ref struct AuthenticationRequestFields(ReadOnlySpan<byte> header, string? appId, string challenge)
{
    /// <summary>The request's OperationHeader as JSON text, copied verbatim into the response (UAF Protocol §3.4.4).</summary>
    public ReadOnlySpan<byte> Header { get; } = header;

    public string? AppId { get; } = appId;

    public string Challenge { get; } = challenge;
}

/// <summary>
/// Reads the two server answers of an authentication with one <see cref="Utf8JsonReader"/> pass each, taking only
/// what the ceremony needs; unknown members are skipped. The policy is not read: the one key is always acceptable.
/// </summary>
internal static class UafAnswerReader
{
    /// <summary>
    /// ReturnUAFRequest (statusCode 1200) → the first dictionary of its <c>uafRequest</c> (FigiAuth issues the UAF 1.1
    /// one only). The string is unescaped into <paramref name="scratch"/>, which the result points into.
    /// </summary>
    public static AuthenticationRequestFields ReadAuthenticationRequest(ReadOnlySpan<byte> answer, ArrayBufferWriter<byte> scratch)
    {
        var reader = new Utf8JsonReader(answer);
        var (status, description, hasRequest) = (0, (string?)null, false);
        ExpectStart(ref reader, JsonTokenType.StartObject, "ReturnUAFRequest");
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (TryReadStatus(ref reader, ref status, ref description))
            {
                continue;
            }

            if (reader.ValueTextEquals("uafRequest"u8) && reader.Read())
            {
                scratch.ResetWrittenCount();
                // Unescaping never makes a string longer.
                scratch.Advance(reader.CopyString(scratch.GetSpan(reader.ValueSpan.Length)));
                hasRequest = true;
            }
            else
            {
                reader.Skip();
            }
        }

        return status != 1200 ? throw new InvalidDataException($"/get answered {status}: {description}")
            : !hasRequest ? throw new InvalidDataException("/get answered 1200 without uafRequest")
            : FirstRequest(scratch.WrittenSpan);
    }

    static AuthenticationRequestFields FirstRequest(ReadOnlySpan<byte> uafRequest)
    {
        var reader = new Utf8JsonReader(uafRequest);
        ExpectStart(ref reader, JsonTokenType.StartArray, "uafRequest");
        ExpectStart(ref reader, JsonTokenType.StartObject, "AuthenticationRequest");
        ReadOnlySpan<byte> header = default;
        string? appId = null, challenge = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("header"u8))
            {
                ExpectStart(ref reader, JsonTokenType.StartObject, "header");
                var start = (int)reader.TokenStartIndex;
                appId = AppIdOfHeader(ref reader);
                header = uafRequest[start..(int)reader.BytesConsumed];
            }
            else if (reader.ValueTextEquals("challenge"u8) && reader.Read())
            {
                challenge = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }

        return header.IsEmpty || challenge is null
            ? throw new InvalidDataException("the AuthenticationRequest has no header or no challenge")
            : new AuthenticationRequestFields(header, appId, challenge);
    }

    /// <summary>Reads the header object to its end and returns its appID (null when absent).</summary>
    static string? AppIdOfHeader(ref Utf8JsonReader reader)
    {
        string? appId = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("appID"u8) && reader.Read())
            {
                appId = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }

        return appId;
    }

    /// <summary>
    /// ServerResponse of /respond → null when it is statusCode 1200 with an additionalTokens entry of type OAUTH2 and a
    /// non-empty value (the access token: the authentication was committed), else what was wrong.
    /// </summary>
    public static string? AuthenticationOutcome(ReadOnlySpan<byte> answer)
    {
        var reader = new Utf8JsonReader(answer);
        var (status, description, token) = (0, (string?)null, false);
        ExpectStart(ref reader, JsonTokenType.StartObject, "ServerResponse");
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (TryReadStatus(ref reader, ref status, ref description))
            {
                continue;
            }

            if (reader.ValueTextEquals("additionalTokens"u8))
            {
                token = HasOAuth2Token(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return status != 1200 ? $"/respond answered {status}: {description}"
            : !token ? "1200 without an OAUTH2 token"
            : null;
    }

    static bool HasOAuth2Token(ref Utf8JsonReader reader)
    {
        ExpectStart(ref reader, JsonTokenType.StartArray, "additionalTokens");
        var found = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            var (oauth2, hasValue) = (false, false);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("type"u8) && reader.Read())
                {
                    oauth2 = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("OAUTH2"u8);
                }
                else if (reader.ValueTextEquals("value"u8) && reader.Read())
                {
                    hasValue = reader.TokenType == JsonTokenType.String && reader.ValueSpan.Length > 0;
                }
                else
                {
                    reader.Skip();
                }
            }

            found |= oauth2 && hasValue;
        }

        return found;
    }

    /// <summary>Reads the member the reader is on when it is statusCode or description (both answers have them).</summary>
    static bool TryReadStatus(ref Utf8JsonReader reader, ref int status, ref string? description)
    {
        if (reader.ValueTextEquals("statusCode"u8) && reader.Read())
        {
            status = reader.GetInt32();
            return true;
        }

        if (reader.ValueTextEquals("description"u8) && reader.Read())
        {
            description = reader.GetString();
            return true;
        }

        return false;
    }

    static void ExpectStart(ref Utf8JsonReader reader, JsonTokenType token, string what)
    {
        if (!reader.Read() || reader.TokenType != token)
        {
            throw new InvalidDataException($"{what} is not a JSON {(token == JsonTokenType.StartArray ? "array" : "object")}");
        }
    }
}
