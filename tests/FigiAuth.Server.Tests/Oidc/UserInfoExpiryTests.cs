using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace FigiAuth.Server.Tests.Oidc;

public sealed class UserInfoExpiryTests(OidcClockServerFactory factory) : IClassFixture<OidcClockServerFactory>
{
    [Fact]
    public async Task Fails_With401InvalidToken_WhenTokenHasExpired()
    {
        var flow = new OidcFlow(factory.CreateBrowser());
        flow.Parameters["scope"] = "openid profile";
        await flow.SignInAsync("expiry");
        var tokens = await (await flow.RedeemAsync(await flow.CodeAsync())).Content.ReadFromJsonAsync<JsonElement>();
        var lifetime = TimeSpan.FromSeconds(tokens.GetProperty("expires_in").GetInt32());
        var client = factory.CreateClient();
        HttpRequestMessage Request() => new(HttpMethod.Get, "/connect/userinfo")
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("access_token").GetString()) },
        };
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Request())).StatusCode);

        factory.Clock.Advance(lifetime + TimeSpan.FromMinutes(1));
        var response = await client.SendAsync(Request());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("error=\"invalid_token\"", response.Headers.WwwAuthenticate.Single().Parameter);
    }
}
