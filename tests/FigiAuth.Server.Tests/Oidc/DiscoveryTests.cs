using System.Net.Http.Json;
using System.Text.Json;
using FigiAuth.Server.Tokens;
using Microsoft.Extensions.DependencyInjection;

namespace FigiAuth.Server.Tests.Oidc;

public sealed class DiscoveryTests(OidcServerFactory factory) : IClassFixture<OidcServerFactory>
{
    [Fact]
    public async Task Succeeds_WithS256OnlyAndSharedEs256Key()
    {
        var client = factory.CreateClient();
        var discovery = await client.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");
        var kid = factory.Services.GetRequiredService<SigningKeyRing>().SigningCredentials.Key.KeyId;

        Assert.Equal(["S256"], discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("ES256", discovery.GetProperty("id_token_signing_alg_values_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.DoesNotContain("password", discovery.GetProperty("grant_types_supported").EnumerateArray().Select(e => e.GetString()));
        var oidcJwks = await client.GetFromJsonAsync<JsonElement>(new Uri(discovery.GetProperty("jwks_uri").GetString()!).PathAndQuery);
        var serverJwks = await client.GetFromJsonAsync<JsonElement>("/.well-known/jwks.json");
        foreach (var set in new[] { oidcJwks, serverJwks })
        {
            var key = Assert.Single(set.GetProperty("keys").EnumerateArray(), k => k.GetProperty("kid").GetString() == kid);
            Assert.Equal("EC", key.GetProperty("kty").GetString());
            Assert.False(key.TryGetProperty("d", out _));
        }
    }

    [Fact]
    public async Task Succeeds_AdvertisingTheUserInfoEndpointAndItsClaims()
    {
        var discovery = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");

        // Like jwks_uri, on the origin the request came to.
        Assert.Equal("/connect/userinfo", new Uri(discovery.GetProperty("userinfo_endpoint").GetString()!).AbsolutePath);
        var scopes = discovery.GetProperty("scopes_supported").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("email", scopes);
        Assert.Contains("phone", scopes);
        var claims = discovery.GetProperty("claims_supported").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("preferred_username", claims);
        Assert.Contains("email_verified", claims);
        Assert.Contains("phone_number", claims);
    }
}
