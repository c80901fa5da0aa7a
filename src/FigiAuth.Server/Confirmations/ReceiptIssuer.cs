using System.Buffers.Text;
using System.Security.Cryptography;
using FigiAuth.Server.Hosting;
using FigiAuth.Server.Tokens;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FigiAuth.Server.Confirmations;

/// <summary>
/// Signs confirmation receipts: a compact JWS (ES256, kid of a key published at /.well-known/jwks.json),
/// typ "figiauth-receipt+jwt", no expiry (evidence for disputes). amount, currency and payee only when known;
/// display_hash is the SHA-256 of exactly what was displayed (display_type says which form).
/// </summary>
public sealed class ReceiptIssuer(SigningKeyRing keys, IOptions<FigiAuthOptions> options)
{
    public const string TokenType = "figiauth-receipt+jwt";
    static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <param name="displayed">The form the authenticator showed and its SHA-256: the receipt's display_type and display_hash.</param>
    public string Issue(Confirmation confirmation, DisplayedForm displayed, ConfirmationMethod method, string authenticator,
        DateTimeOffset confirmedAt)
    {
        var claims = new Dictionary<string, object>
        {
            [JwtRegisteredClaimNames.Sub] = confirmation.UserId.ToString("D"),
            [JwtRegisteredClaimNames.Jti] = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)),
            ["confirmation_id"] = confirmation.Id,
            ["display_hash"] = Base64Url.EncodeToString(displayed.Hash),
            ["display_type"] = displayed.ContentType,
            ["display_text"] = confirmation.DisplayText,
            ["authenticator"] = authenticator,
            ["method"] = method == ConfirmationMethod.Uaf ? "uaf" : "passkey",
            ["confirmed_at"] = confirmedAt.ToUnixTimeSeconds(),
            ["client_id"] = confirmation.ClientId,
        };
        if (displayed.ContentType != DisplayedForm.TextPlain)
        {
            // What was shown is a rendering of the text: the text's own hash lets a verifier tie the two together.
            claims["text_hash"] = Base64Url.EncodeToString(confirmation.DisplayTextHash);
        }

        // Amount, currency and payee are known for a back end's confirmation; an in-band transaction has only its text.
        if (Money.FormatOf(confirmation) is { } amount)
        {
            claims["amount"] = amount;
        }

        if (confirmation.Currency is { } currency)
        {
            claims["currency"] = currency;
        }

        if (confirmation.PayeeName is { } payee)
        {
            claims["payee"] = confirmation.PayeeAccount is null
                ? new Dictionary<string, object> { ["name"] = payee }
                : new Dictionary<string, object> { ["name"] = payee, ["account"] = confirmation.PayeeAccount };
        }

        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.PublicOrigin,
            IssuedAt = confirmedAt.UtcDateTime,
            Claims = claims,
            SigningCredentials = keys.SigningCredentials,
            TokenType = TokenType,
        });
    }
}
