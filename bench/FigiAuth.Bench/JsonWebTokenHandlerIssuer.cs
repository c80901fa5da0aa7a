using System.Buffers.Text;
using System.Security.Cryptography;
using FigiAuth.Server.Tokens;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FigiAuth.Bench;

/// <summary>
/// The baseline of <see cref="TokenBenchmarks"/>: AccessTokenIssuer.Issue as it was before it wrote tokens
/// itself (a claims dictionary handed to JsonWebTokenHandler.CreateToken). Kept here only, to measure against.
/// </summary>
internal sealed class JsonWebTokenHandlerIssuer(SigningKeyRing keys, TimeProvider time, string issuer, string audience, TimeSpan lifetime)
{
    static readonly JsonWebTokenHandler Handler = new();

    public string Issue(AccessTokenRequest request)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            [JwtRegisteredClaimNames.Sub] = request.Subject,
            [JwtRegisteredClaimNames.Jti] = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)),
            [JwtRegisteredClaimNames.Amr] = request.Amr.ToArray(),
        };
        if (request.Acr is not null)
        {
            claims[JwtRegisteredClaimNames.Acr] = request.Acr;
        }

        if (request.Scopes is { Count: > 0 } scopes)
        {
            claims["scope"] = string.Join(' ', scopes);
        }

        if (request.Roles is { Count: > 0 } roles)
        {
            claims[AccessTokenIssuer.RoleClaim] = roles.ToArray();
        }

        if (request.ConfirmationId is not null)
        {
            claims[Server.Oidc.AuthenticationLevels.ConfirmationIdClaim] = request.ConfirmationId;
        }

        if (request.ClientId is not null)
        {
            claims["client_id"] = request.ClientId;
        }

        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = request.Audience ?? audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (request.Lifetime ?? lifetime),
            Claims = claims,
            SigningCredentials = keys.SigningCredentials,
            TokenType = AccessTokenIssuer.TokenType,
        });
    }
}
