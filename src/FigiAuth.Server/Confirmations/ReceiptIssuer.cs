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
/// typ "figiauth-receipt+jwt", no expiry (evidence for disputes).
/// </summary>
public sealed class ReceiptIssuer(SigningKeyRing keys, IOptions<FigiAuthOptions> options)
{
    public const string TokenType = "figiauth-receipt+jwt";
    static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public string Issue(Confirmation confirmation, ConfirmationMethod method, string authenticator, DateTimeOffset confirmedAt)
    {
        var claims = new Dictionary<string, object>
        {
            [JwtRegisteredClaimNames.Sub] = confirmation.UserId.ToString("D"),
            [JwtRegisteredClaimNames.Jti] = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)),
            ["confirmation_id"] = confirmation.Id,
            ["display_hash"] = Base64Url.EncodeToString(confirmation.DisplayTextHash),
            ["display_text"] = confirmation.DisplayText,
            ["amount"] = Money.Format(confirmation.AmountMinor, confirmation.CurrencyExponent),
            ["currency"] = confirmation.Currency,
            ["payee"] = confirmation.PayeeAccount is null
                ? new Dictionary<string, object> { ["name"] = confirmation.PayeeName }
                : new Dictionary<string, object> { ["name"] = confirmation.PayeeName, ["account"] = confirmation.PayeeAccount },
            ["authenticator"] = authenticator,
            ["method"] = method == ConfirmationMethod.Uaf ? "uaf" : "passkey",
            ["confirmed_at"] = confirmedAt.ToUnixTimeSeconds(),
            ["client_id"] = confirmation.ClientId,
        };
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
