using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FigiAuth.Server.Tests.Passkeys;

/// <summary>A browser (cookies kept) with a software authenticator talking to /passkeys/v1.</summary>
public sealed class PasskeyScenario(HttpClient browser)
{
    public HttpClient Browser { get; } = browser;

    public SoftwareWebAuthnAuthenticator Authenticator { get; } = new();

    public async Task<JsonElement> OptionsAsync(string path, object body)
    {
        var response = await Browser.PostAsJsonAsync(path, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public Task<HttpResponseMessage> CompleteAsync(string path, JsonObject body) =>
        Browser.PostAsync(path, new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

    public string? Username { get; private set; }

    public async Task<HttpResponseMessage> SignUpAsync(string username)
    {
        Username = username;
        var options = await OptionsAsync("/passkeys/v1/register/options", new { username, name = "Test phone" });
        return await CompleteAsync("/passkeys/v1/register/complete", Authenticator.Create(options));
    }

    public async Task<HttpResponseMessage> SignInAsync(string? username = null, Action<SoftwareWebAuthnAuthenticator>? mutate = null)
    {
        var options = await OptionsAsync("/passkeys/v1/login/options", new { username });
        mutate?.Invoke(Authenticator);
        return await CompleteAsync("/passkeys/v1/login/complete", Authenticator.Get(options));
    }
}
