using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FigiAuth.Server.Tests.Oidc;

/// <summary>Validates a token as a DFS API would: with the published JWKS and the discovery issuer.</summary>
public static class TokenValidation
{
    public static async Task<TokenValidationResult> ValidateAsync(HttpClient client, string token, string audience)
    {
        var discovery = JsonDocument.Parse(await client.GetStringAsync("/.well-known/openid-configuration")).RootElement;
        var jwks = await client.GetStringAsync("/.well-known/jwks.json");
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = discovery.GetProperty("issuer").GetString(),
            ValidAudience = audience,
            ValidAlgorithms = ["ES256"],
            IssuerSigningKeys = new JsonWebKeySet(jwks).GetSigningKeys(),
        });
    }
}
