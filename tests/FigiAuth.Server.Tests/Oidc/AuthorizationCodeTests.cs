using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;

namespace FigiAuth.Server.Tests.Oidc;

public sealed class AuthorizationCodeTests(OidcServerFactory factory) : IClassFixture<OidcServerFactory>
{
    [Fact]
    public async Task Succeeds_EndToEndWithPkceS256()
    {
        var browser = factory.CreateBrowser();
        var tokens = await new OidcFlow(browser).TokensAsync();

        var access = await TokenValidation.ValidateAsync(browser, tokens.GetProperty("access_token").GetString()!, "figiauth");
        var id = await TokenValidation.ValidateAsync(browser, tokens.GetProperty("id_token").GetString()!, OidcFlow.ClientId);

        Assert.True(access.IsValid, access.Exception?.Message);
        Assert.True(id.IsValid, id.Exception?.Message);
        Assert.Equal("nonce-1", id.Claims["nonce"]);
        Assert.Equal("figiauth:hwk", id.Claims["acr"]);
        Assert.True(id.Claims.ContainsKey("auth_time"));
        Assert.Contains("hwk", ((JsonWebToken)id.SecurityToken).GetPayloadValue<string[]>("amr"));
        Assert.Equal(access.Claims["sub"], id.Claims["sub"]);
        Assert.Equal("figiauth:hwk", access.Claims["acr"]);
        Assert.True(tokens.TryGetProperty("refresh_token", out _));

        var api = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me/high-value");
        api.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("access_token").GetString());
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().SendAsync(api)).StatusCode);
    }

    [Fact]
    public async Task Fails_WhenCodeChallengeMethodIsPlain()
    {
        var flow = new OidcFlow(factory.CreateBrowser());
        await flow.SignInAsync("bob");
        flow.Parameters["code_challenge_method"] = "plain";
        flow.Parameters["code_challenge"] = flow.Verifier;

        var response = await flow.AuthorizeAsync();

        await AssertRejectedWithoutCodeAsync(response);
    }

    [Fact]
    public async Task Fails_WhenPublicClientSendsNoPkce()
    {
        var flow = new OidcFlow(factory.CreateBrowser());
        await flow.SignInAsync("bob");
        flow.Parameters.Remove("code_challenge_method");
        flow.Parameters["code_challenge"] = null;

        var response = await flow.AuthorizeAsync();

        await AssertRejectedWithoutCodeAsync(response);
    }

    /// <summary>OpenIddict answers invalid PKCE with an error page (400, no redirect) carrying invalid_request.</summary>
    static async Task AssertRejectedWithoutCodeAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("invalid_request", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("http://127.0.0.1:5099/callback/")]
    [InlineData("http://127.0.0.1:5099/callback?x=1")]
    [InlineData("http://127.0.0.1:5099/CALLBACK")]
    [InlineData("https://attacker.example/callback")]
    public async Task Fails_WithoutRedirect_WhenRedirectUriIsNotRegistered(string redirectUri)
    {
        var flow = new OidcFlow(factory.CreateBrowser());
        await flow.SignInAsync("bob");
        flow.Parameters["redirect_uri"] = redirectUri;

        var response = await flow.AuthorizeAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Fails_WhenCodeIsRedeemedTwice_AndRevokesTheFirstGrant()
    {
        var flow = new OidcFlow(factory.CreateBrowser());
        await flow.SignInAsync("carol");
        var code = await flow.CodeAsync();
        var first = await (await flow.RedeemAsync(code)).Content.ReadFromJsonAsync<JsonElement>();

        var second = await flow.RedeemAsync(code);
        var refresh = await flow.RefreshAsync(first.GetProperty("refresh_token").GetString()!);

        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal("invalid_grant", await OidcFlow.ErrorAsync(second));
        Assert.Equal("invalid_grant", await OidcFlow.ErrorAsync(refresh));
    }

    [Fact]
    public async Task Fails_WhenVerifierDoesNotMatch()
    {
        var flow = new OidcFlow(factory.CreateBrowser());
        await flow.SignInAsync("dave");
        var code = await flow.CodeAsync();
        flow.Verifier = OidcFlow.Challenge("another");

        var response = await flow.RedeemAsync(code);

        Assert.Equal("invalid_grant", await OidcFlow.ErrorAsync(response));
    }
}
