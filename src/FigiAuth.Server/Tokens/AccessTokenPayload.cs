using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;

namespace FigiAuth.Server.Tokens;

/// <summary>
/// The JSON claims of an access token: the claims, names and JSON types JsonWebTokenHandler wrote from
/// <c>SecurityTokenDescriptor</c> before (aud, iss, then exp/iat/nbf as integer NumericDates, then the request's
/// claims), in the same order, so tokens stay byte-compatible for every reader.
/// </summary>
internal static class AccessTokenPayload
{
    /// <summary>
    /// JsonWebTokenHandler's escaping: the payload only travels base64url-encoded, so '+', '&lt;' and non-ASCII stay
    /// literal (shorter, and what existing consumers already parse).
    /// </summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    static readonly JsonEncodedText Aud = JsonEncodedText.Encode(JwtRegisteredClaimNames.Aud);
    static readonly JsonEncodedText Iss = JsonEncodedText.Encode(JwtRegisteredClaimNames.Iss);
    static readonly JsonEncodedText Exp = JsonEncodedText.Encode(JwtRegisteredClaimNames.Exp);
    static readonly JsonEncodedText Iat = JsonEncodedText.Encode(JwtRegisteredClaimNames.Iat);
    static readonly JsonEncodedText Nbf = JsonEncodedText.Encode(JwtRegisteredClaimNames.Nbf);
    static readonly JsonEncodedText Sub = JsonEncodedText.Encode(JwtRegisteredClaimNames.Sub);
    static readonly JsonEncodedText Jti = JsonEncodedText.Encode(JwtRegisteredClaimNames.Jti);
    static readonly JsonEncodedText Amr = JsonEncodedText.Encode(JwtRegisteredClaimNames.Amr);
    static readonly JsonEncodedText Acr = JsonEncodedText.Encode(JwtRegisteredClaimNames.Acr);
    static readonly JsonEncodedText Scope = JsonEncodedText.Encode("scope");
    static readonly JsonEncodedText Role = JsonEncodedText.Encode(AccessTokenIssuer.RoleClaim);
    static readonly JsonEncodedText ConfirmationId = JsonEncodedText.Encode(Oidc.AuthenticationLevels.ConfirmationIdClaim);
    static readonly JsonEncodedText ClientId = JsonEncodedText.Encode("client_id");

    /// <summary>iat = nbf = now and exp = now + lifetime, each truncated to whole seconds as JsonWebTokenHandler did.</summary>
    public static void Write(Utf8JsonWriter writer, AccessTokenRequest request, string issuer, string audience,
        DateTimeOffset now, TimeSpan lifetime)
    {
        writer.WriteStartObject();
        writer.WriteString(Aud, audience);
        writer.WriteString(Iss, issuer);
        writer.WriteNumber(Exp, (now + lifetime).ToUnixTimeSeconds());
        writer.WriteNumber(Iat, now.ToUnixTimeSeconds());
        writer.WriteNumber(Nbf, now.ToUnixTimeSeconds());
        writer.WriteString(Sub, request.Subject);
        WriteRandomJti(writer);
        WriteArray(writer, Amr, request.Amr);
        if (request.Acr is not null)
        {
            writer.WriteString(Acr, request.Acr);
        }

        if (request.Scopes is { Count: > 0 } scopes)
        {
            // RFC 9068 / OpenIddict: one space-separated string.
            WriteSpaceSeparated(writer, Scope, scopes);
        }

        if (request.Roles is { Count: > 0 } roles)
        {
            WriteArray(writer, Role, roles);
        }

        if (request.ConfirmationId is not null)
        {
            writer.WriteString(ConfirmationId, request.ConfirmationId);
        }

        if (request.ClientId is not null)
        {
            writer.WriteString(ClientId, request.ClientId);
        }

        writer.WriteEndObject();
    }

    /// <summary>128 random bits, base64url: 22 characters, as before.</summary>
    static void WriteRandomJti(Utf8JsonWriter writer)
    {
        Span<byte> random = stackalloc byte[16];
        RandomNumberGenerator.Fill(random);
        Span<byte> jti = stackalloc byte[Base64Url.GetEncodedLength(random.Length)];
        Base64Url.EncodeToUtf8(random, jti);
        writer.WriteString(Jti, jti);
    }

    static void WriteArray(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    static void WriteSpaceSeparated(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<string> values)
    {
        var length = values.Count - 1;
        foreach (var value in values)
        {
            length += value.Length;
        }

        var rented = ArrayPool<char>.Shared.Rent(length);
        var joined = rented.AsSpan(0, length);
        var at = 0;
        foreach (var value in values)
        {
            if (at > 0)
            {
                joined[at++] = ' ';
            }

            value.CopyTo(joined[at..]);
            at += value.Length;
        }

        writer.WriteString(name, joined);
        ArrayPool<char>.Shared.Return(rented);
    }
}
