using System.Net;
using System.Net.Http.Headers;
using FigiAuth.Server.Tokens;
using Microsoft.Extensions.DependencyInjection;

namespace FigiAuth.Server.Tests.Oidc;

public sealed class StepUpTests(OidcServerFactory factory) : IClassFixture<OidcServerFactory>
{
    static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = Uri.UnescapeDataString(response.Headers.Location!.ToString());
        Assert.Contains("/account/signin", location, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("figiauth_reauth=1", location);
    }

    [Fact]
    public async Task Fails_ToSignIn_WhenSessionIsOlderThanMaxAge()
    {
        var flow = new OidcFlow(factory.CreateBrowser());
        await flow.SignInAsync("erin", ageSeconds: 600);
        flow.Parameters["max_age"] = "60";

        AssertSentToSignIn(await flow.AuthorizeAsync());
    }

    [Fact]
    public async Task Fails_ToSignIn_WhenSessionAcrIsBelowAcrValues()
    {
        var flow = new OidcFlow(factory.CreateBrowser());
        await flow.SignInAsync("frank", acr: "figiauth:swk");
        flow.Parameters["acr_values"] = "figiauth:hwk";

        AssertSentToSignIn(await flow.AuthorizeAsync());
    }

    [Fact]
    public async Task Succeeds_AfterFreshSignIn_WhenReturningFromReauthentication()
    {
        var flow = new OidcFlow(factory.CreateBrowser());
        await flow.SignInAsync("grace", ageSeconds: 600);
        flow.Parameters["max_age"] = "0";
        AssertSentToSignIn(await flow.AuthorizeAsync());

        await flow.SignInAsync("grace");
        flow.Parameters["figiauth_reauth"] = "1";

        Assert.True(OidcFlow.Callback(await flow.AuthorizeAsync()).ContainsKey("code"));
    }

    [Fact]
    public async Task Fails_WithUnmetRequirements_WhenFreshSignInIsStillTooWeak()
    {
        var flow = new OidcFlow(factory.CreateBrowser());
        await flow.SignInAsync("heidi", acr: "figiauth:swk");
        flow.Parameters["acr_values"] = "figiauth:hwk";
        flow.Parameters["figiauth_reauth"] = "1";

        var callback = OidcFlow.Callback(await flow.AuthorizeAsync());

        Assert.Equal("unmet_authentication_requirements", callback["error"]);
        Assert.False(callback.ContainsKey("code"));
    }

    [Fact]
    public async Task Fails_WithLoginRequired_WhenPromptIsNoneAndSessionTooOld()
    {
        var flow = new OidcFlow(factory.CreateBrowser());
        await flow.SignInAsync("ivan", ageSeconds: 600);
        flow.Parameters["max_age"] = "60";
        flow.Parameters["prompt"] = "none";

        Assert.Equal("login_required", OidcFlow.Callback(await flow.AuthorizeAsync())["error"]);
    }

    [Theory]
    [InlineData("figiauth:swk", HttpStatusCode.Unauthorized)]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("figiauth:hwk", HttpStatusCode.OK)]
    public async Task Fails_WithInsufficientUserAuthentication_WhenApiNeedsHigherAcr(string? acr, HttpStatusCode expected)
    {
        var token = factory.Services.GetRequiredService<AccessTokenIssuer>().Issue(new AccessTokenRequest("user-1", ["swk"], acr));
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me/high-value");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Unauthorized)
        {
            var challenge = response.Headers.WwwAuthenticate.ToString();
            Assert.Contains("error=\"insufficient_user_authentication\"", challenge);
            Assert.Contains("acr_values=\"figiauth:hwk\"", challenge);
        }
    }
}
