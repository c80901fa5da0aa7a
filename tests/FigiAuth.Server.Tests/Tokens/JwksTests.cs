using System.Net.Http.Json;
using FigiAuth.Server.Tests.Infrastructure;
using FigiAuth.Server.Tokens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FigiAuth.Server.Tests.Tokens;

public sealed class JwksTests(FigiAuthServerFactory factory) : IClassFixture<FigiAuthServerFactory>
{
    [Fact]
    public async Task Succeeds_WhenIssuedTokenValidatesAgainstPublishedJwks()
    {
        var client = factory.CreateClient();
        var json = await client.GetStringAsync("/.well-known/jwks.json");
        var token = factory.Services.GetRequiredService<AccessTokenIssuer>()
            .Issue(new AccessTokenRequest("user-1", ["uaf"], Acr: "urn:figiauth:acr:uaf"));
        var options = factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Server.Hosting.FigiAuthOptions>>().Value;

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = IssuerName.Of(options.PublicOrigin!),
            ValidAudience = "figiauth",
            IssuerSigningKeys = new JsonWebKeySet(json).GetSigningKeys(),
        });

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal("user-1", result.Claims["sub"]);
        Assert.Equal("urn:figiauth:acr:uaf", result.Claims["acr"]);
        Assert.True(result.Claims.ContainsKey("jti"));
        var jwt = (JsonWebToken)result.SecurityToken;
        Assert.Equal("ES256", jwt.Alg);
        Assert.Equal(TimeSpan.FromMinutes(5), jwt.ValidTo - jwt.IssuedAt);
    }

    [Fact]
    public async Task Succeeds_WhenJwksHoldsNoPrivateKey()
    {
        var keys = await factory.CreateClient().GetFromJsonAsync<System.Text.Json.JsonElement>("/.well-known/jwks.json");

        var key = Assert.Single(keys.GetProperty("keys").EnumerateArray());
        Assert.Equal("EC", key.GetProperty("kty").GetString());
        Assert.Equal("ES256", key.GetProperty("alg").GetString());
        Assert.False(key.TryGetProperty("d", out _));
    }

    [Fact]
    public async Task Succeeds_WhenKeyIsKeptAcrossReload()
    {
        var ring = factory.Services.GetRequiredService<SigningKeyRing>();
        var before = ring.SigningCredentials.Key.KeyId;

        await factory.WithDbAsync(async (db, _) => { await ring.LoadAsync(db, CancellationToken.None); return 0; });

        Assert.Equal(before, ring.SigningCredentials.Key.KeyId);
    }
}
