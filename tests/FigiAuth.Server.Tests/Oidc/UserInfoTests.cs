using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FigiAuth.Server.Data;
using FigiAuth.Server.Tests.Infrastructure;
using FigiAuth.Server.Tokens;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace FigiAuth.Server.Tests.Oidc;

/// <summary>GET/POST /connect/userinfo (OIDC Core §5.3) with tokens from a code + PKCE flow of the test client.</summary>
public sealed class UserInfoTests(OidcServerFactory factory) : IClassFixture<OidcServerFactory>
{
    const string Path = "/connect/userinfo";

    sealed record Grant(string UserId, string UserName, string AccessToken);

    /// <summary>Signs a new user in (after <paramref name="adjust"/> changed the account) and redeems a code for <paramref name="scope"/>.</summary>
    async Task<Grant> GrantAsync(string scope, Func<FigiAuthUser, UserManager<FigiAuthUser>, Task>? adjust = null)
    {
        var flow = new OidcFlow(factory.CreateBrowser());
        var userName = "ui-" + Guid.NewGuid().ToString("N")[..12];
        var userId = await flow.SignInAsync(userName);
        if (adjust is not null)
        {
            await factory.WithDbAsync(async (_, sp) =>
            {
                var users = sp.GetRequiredService<UserManager<FigiAuthUser>>();
                await adjust((await users.FindByIdAsync(userId))!, users);
                return 0;
            });
        }

        flow.Parameters["scope"] = scope;
        var response = await flow.RedeemAsync(await flow.CodeAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
        return new Grant(userId, userName, token);
    }

    static Task SetContactAsync(FigiAuthUser user, UserManager<FigiAuthUser> users)
    {
        user.Email = $"{user.UserName}@example.com";
        user.EmailConfirmed = true;
        user.PhoneNumber = "+254700000123";
        return users.UpdateAsync(user);
    }

    Task<HttpResponseMessage> GetAsync(string? token, HttpClient? client = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return (client ?? factory.CreateClient()).SendAsync(request);
    }

    static async Task<Dictionary<string, JsonElement>> ClaimsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore);
        return (await response.Content.ReadFromJsonAsync<Dictionary<string, JsonElement>>())!;
    }

    static void AssertBearerChallenge(HttpResponseMessage response, HttpStatusCode status, string? error)
    {
        Assert.Equal(status, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        if (error is null)
        {
            // RFC 6750 §3.1: a request without authentication information gets no error code.
            Assert.DoesNotContain("error=", challenge.Parameter ?? "");
        }
        else
        {
            Assert.Contains($"error=\"{error}\"", challenge.Parameter);
        }
    }

    [Fact]
    public async Task Succeeds_WithOnlySub_ForOpenIdScope()
    {
        var grant = await GrantAsync("openid", SetContactAsync);

        var claims = await ClaimsAsync(await GetAsync(grant.AccessToken));

        Assert.Equal(["sub"], claims.Keys);
        Assert.Equal(grant.UserId, claims["sub"].GetString());
    }

    [Fact]
    public async Task Succeeds_WithNameClaims_ForProfileScope_AndNothingOfUngrantedScopes()
    {
        var grant = await GrantAsync("openid profile figiauth", SetContactAsync);

        var claims = await ClaimsAsync(await GetAsync(grant.AccessToken));

        Assert.Equal(["name", "preferred_username", "sub"], claims.Keys.Order());
        Assert.Equal(grant.UserId, claims["sub"].GetString());
        Assert.Equal(grant.UserName, claims["preferred_username"].GetString());
        Assert.Equal(grant.UserName, claims["name"].GetString());
    }

    [Fact]
    public async Task Succeeds_WithEmailAndPhone_ForTheirScopes()
    {
        var grant = await GrantAsync("openid email phone", SetContactAsync);

        var claims = await ClaimsAsync(await GetAsync(grant.AccessToken));

        Assert.Equal(["email", "email_verified", "phone_number", "phone_number_verified", "sub"], claims.Keys.Order());
        Assert.Equal($"{grant.UserName}@example.com", claims["email"].GetString());
        Assert.True(claims["email_verified"].GetBoolean());
        Assert.Equal("+254700000123", claims["phone_number"].GetString());
        Assert.False(claims["phone_number_verified"].GetBoolean());
    }

    [Fact]
    public async Task Succeeds_WithoutEmailOrPhone_WhenTheAccountHasNone()
    {
        var grant = await GrantAsync("openid email phone");

        var claims = await ClaimsAsync(await GetAsync(grant.AccessToken));

        Assert.Equal(["sub"], claims.Keys);
    }

    [Fact]
    public async Task Succeeds_WithPost()
    {
        var grant = await GrantAsync("openid profile");
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new FormUrlEncodedContent([]) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", grant.AccessToken);

        var claims = await ClaimsAsync(await factory.CreateClient().SendAsync(request));

        Assert.Equal(grant.UserId, claims["sub"].GetString());
        Assert.Equal(grant.UserName, claims["preferred_username"].GetString());
    }

    [Fact]
    public async Task Fails_With401_WhenNoTokenIsSent()
    {
        AssertBearerChallenge(await GetAsync(token: null), HttpStatusCode.Unauthorized, error: null);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("eyJhbGciOiJub25lIiwidHlwIjoiYXQrand0In0.eyJzdWIiOiJ4In0.")]
    public async Task Fails_With401InvalidToken_WhenTokenIsNotOurs(string token)
    {
        AssertBearerChallenge(await GetAsync(token), HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Fact]
    public async Task Fails_With401InvalidToken_WhenTokenIsTampered()
    {
        var grant = await GrantAsync("openid profile");
        var parts = grant.AccessToken.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]))!;
        payload["sub"] = JsonSerializer.SerializeToElement(Guid.NewGuid().ToString());
        parts[1] = System.Buffers.Text.Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload));

        AssertBearerChallenge(await GetAsync(string.Join('.', parts)), HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Fact]
    public async Task Fails_With401InvalidToken_WhenTokenWasRevoked()
    {
        var browser = factory.CreateBrowser();
        var grant = await GrantAsync("openid profile");
        var revoked = await browser.PostAsync("/connect/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = grant.AccessToken, ["token_type_hint"] = "access_token", ["client_id"] = OidcFlow.ClientId,
        }));
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);

        AssertBearerChallenge(await GetAsync(grant.AccessToken), HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Fact]
    public async Task Fails_With401InvalidToken_WhenUserWasDeleted()
    {
        var grant = await GrantAsync("openid profile");
        await factory.WithDbAsync(async (_, sp) =>
        {
            var users = sp.GetRequiredService<UserManager<FigiAuthUser>>();
            return await users.DeleteAsync((await users.FindByIdAsync(grant.UserId))!);
        });

        AssertBearerChallenge(await GetAsync(grant.AccessToken), HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Fact]
    public async Task Fails_With403InsufficientScope_ForAClientCredentialsToken()
    {
        var client = factory.CreateClient();
        var issued = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "figiauth-merchant",
            ["client_secret"] = "figiauth-merchant-development-only", ["scope"] = "figiauth",
        }));
        var token = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;

        var response = await GetAsync(token, client);

        AssertBearerChallenge(response, HttpStatusCode.Forbidden, "insufficient_scope");
        Assert.Contains("scope=\"openid\"", response.Headers.WwwAuthenticate.Single().Parameter);
    }

    [Fact]
    public async Task Fails_With403InsufficientScope_ForAnOAuthCodeFlowTokenWithoutOpenId()
    {
        var grant = await GrantAsync("profile figiauth");

        AssertBearerChallenge(await GetAsync(grant.AccessToken), HttpStatusCode.Forbidden, "insufficient_scope");
    }

    [Fact]
    public async Task Fails_With403InsufficientScope_ForAUafAccessToken()
    {
        // Same issuer and keys, so the token itself validates; but no OpenID Connect request granted it (no openid scope).
        var grant = await GrantAsync("openid");
        var token = factory.Services.GetRequiredService<AccessTokenIssuer>()
            .Issue(new AccessTokenRequest(grant.UserId, ["hwk", "user"], "figiauth:hwk"));

        AssertBearerChallenge(await GetAsync(token), HttpStatusCode.Forbidden, "insufficient_scope");
    }
}
