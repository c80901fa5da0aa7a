using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace FigiAuth.Server.Tests.Oidc;

public sealed class RefreshTokenTests(OidcServerFactory factory) : IClassFixture<OidcServerFactory>
{
    [Fact]
    public async Task Succeeds_WithRotation_AndRefusesTheOldTokenAndTheFamilyAfterReuse()
    {
        var flow = new OidcFlow(factory.CreateBrowser());
        var old = (await flow.TokensAsync()).GetProperty("refresh_token").GetString()!;

        var rotated = await flow.RefreshAsync(old);
        var next = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refresh_token").GetString()!;
        var reused = await flow.RefreshAsync(old);
        var afterReuse = await flow.RefreshAsync(next);

        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        Assert.NotEqual(old, next);
        Assert.Equal("invalid_grant", await OidcFlow.ErrorAsync(reused));
        Assert.Equal("invalid_grant", await OidcFlow.ErrorAsync(afterReuse));
    }

    [Fact]
    public async Task Fails_AfterRevocation()
    {
        var browser = factory.CreateBrowser();
        var flow = new OidcFlow(browser);
        var refresh = (await flow.TokensAsync()).GetProperty("refresh_token").GetString()!;

        var revoked = await browser.PostAsync("/connect/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = refresh, ["token_type_hint"] = "refresh_token", ["client_id"] = OidcFlow.ClientId,
        }));

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal("invalid_grant", await OidcFlow.ErrorAsync(await flow.RefreshAsync(refresh)));
    }
}
