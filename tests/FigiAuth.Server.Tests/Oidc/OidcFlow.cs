using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FigiAuth.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace FigiAuth.Server.Tests.Oidc;

/// <summary>One authorization code + PKCE flow of the seeded public test client; each step can be mutated.</summary>
public sealed class OidcFlow(HttpClient browser)
{
    public const string ClientId = "figiauth-test";
    public const string RedirectUri = "http://127.0.0.1:5099/callback";

    public string Verifier { get; set; } = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public Dictionary<string, string?> Parameters { get; } = new()
    {
        ["client_id"] = ClientId,
        ["redirect_uri"] = RedirectUri,
        ["response_type"] = "code",
        ["scope"] = "openid profile offline_access figiauth",
        ["state"] = "state-1",
        ["nonce"] = "nonce-1",
        ["code_challenge_method"] = "S256",
    };

    public static string Challenge(string verifier) => Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    /// <summary>Signs <paramref name="user"/> in (created when new); answers the user's id.</summary>
    public Task<string> SignInAsync(string user, string acr = "figiauth:hwk", int ageSeconds = 0) =>
        browser.GetStringAsync($"{TestSignIn.Path}?user={user}&acr={acr}&age={ageSeconds}");

    public Task<HttpResponseMessage> AuthorizeAsync()
    {
        Parameters.TryAdd("code_challenge", Challenge(Verifier));
        return browser.GetAsync(QueryHelpers.AddQueryString("/connect/authorize", Parameters));
    }

    /// <summary>The redirect's query parameters; fails when the server did not redirect to the client.</summary>
    public static Dictionary<string, string> Callback(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith(RedirectUri, location);
        return QueryHelpers.ParseQuery(new Uri(location).Query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    public async Task<string> CodeAsync()
    {
        var callback = Callback(await AuthorizeAsync());
        Assert.Equal("state-1", callback["state"]);
        return callback["code"];
    }

    public Task<HttpResponseMessage> RedeemAsync(string code) => browser.PostAsync("/connect/token", new FormUrlEncodedContent(
        new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = RedirectUri,
            ["client_id"] = ClientId,
            ["code_verifier"] = Verifier,
        }));

    public Task<HttpResponseMessage> RefreshAsync(string refreshToken) => browser.PostAsync("/connect/token", new FormUrlEncodedContent(
        new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken, ["client_id"] = ClientId }));

    public async Task<JsonElement> TokensAsync()
    {
        await SignInAsync("alice");
        var response = await RedeemAsync(await CodeAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<string?> ErrorAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString();
}
