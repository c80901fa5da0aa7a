using System.Net;
using Microsoft.AspNetCore.WebUtilities;

namespace FigiAuth.Samples.Wallet.Tests;

public sealed class SignInTests
{
    [Fact]
    public async Task Succeeds_SignInGoesToFigiAuthWithCodeAndPkce()
    {
        await using var host = await WalletHost.StartAsync(testSignIn: false);
        using var browser = host.CreateClient(user: null);

        var response = await browser.GetAsync("/signin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal($"{host.FigiAuth.Issuer}/connect/authorize", location.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("figiauth-wallet", query["client_id"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal("openid profile offline_access", query["scope"]);
        Assert.EndsWith("/signin-oidc", query["redirect_uri"].ToString());
    }

    [Fact]
    public async Task Succeeds_AnonymousUsersSeeOnlySignIn()
    {
        await using var host = await WalletHost.StartAsync(testSignIn: false);
        using var browser = host.CreateClient(user: null);

        var page = await browser.GetStringAsync("/");

        Assert.Contains("Sign in with FigiAuth", page);
        Assert.DoesNotContain("class=\"balance\"", page);
    }

    [Fact]
    public async Task Fails_TransferStatusNeedsSignIn()
    {
        await using var host = await WalletHost.StartAsync(testSignIn: false);
        using var browser = host.CreateClient(user: null);

        var response = await browser.GetAsync("/transfers/anything/status");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(host.FigiAuth.Issuer, response.Headers.Location!.ToString());
    }
}
