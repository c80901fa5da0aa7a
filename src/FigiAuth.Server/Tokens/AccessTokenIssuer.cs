using System.Buffers.Text;
using System.Security.Cryptography;
using FigiAuth.Server.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace FigiAuth.Server.Tokens;

/// <summary>Issues short-lived ES256 JWT access tokens (iss = <see cref="IssuerName"/> of PublicOrigin, as OIDC tokens) signed with the key ring's current key.</summary>
public sealed class AccessTokenIssuer(SigningKeyRing keys, TimeProvider time, IOptions<FigiAuthOptions> options)
{
    public const string RoleClaim = "role";
    static readonly JsonWebTokenHandler Handler = new();

    public string Issue(AccessTokenRequest request)
    {
        var o = options.Value;
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
            // RFC 9068 / OpenIddict: one space-separated string.
            claims["scope"] = string.Join(' ', scopes);
        }

        if (request.Roles is { Count: > 0 } roles)
        {
            claims[RoleClaim] = roles.ToArray();
        }

        if (request.ConfirmationId is not null)
        {
            claims[Oidc.AuthenticationLevels.ConfirmationIdClaim] = request.ConfirmationId;
        }

        if (request.ClientId is not null)
        {
            claims["client_id"] = request.ClientId;
        }

        return Handler.CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Issuer = IssuerName.Of(o.PublicOrigin!),
            Audience = request.Audience ?? o.Tokens.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (request.Lifetime ?? o.Tokens.AccessTokenLifetime),
            Claims = claims,
            SigningCredentials = keys.SigningCredentials,
            TokenType = "at+jwt",
        });
    }
}
