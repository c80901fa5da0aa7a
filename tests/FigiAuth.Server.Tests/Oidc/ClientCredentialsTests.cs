using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FigiAuth.Server.Tests.Confirmations;
using FigiAuth.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FigiAuth.Server.Tests.Oidc;

public sealed class ClientCredentialsTests(OidcServerFactory factory) : IClassFixture<OidcServerFactory>
{
    const string Secret = "figiauth-merchant-development-only";

    static FormUrlEncodedContent Form(params (string, string)[] values) => new(values.ToDictionary(v => v.Item1, v => v.Item2));

    async Task<string> TokenAsync(HttpClient client)
    {
        var response = await client.PostAsync("/connect/token", Form(("grant_type", "client_credentials"),
            ("client_id", "figiauth-merchant"), ("client_secret", Secret), ("scope", "figiauth")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    [Fact]
    public async Task Succeeds_WithEs256JwtForTheClient()
    {
        var client = factory.CreateClient();

        var result = await TokenValidation.ValidateAsync(client, await TokenAsync(client), "figiauth");

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal("figiauth-merchant", result.Claims["sub"]);
        Assert.Equal("at+jwt", ((Microsoft.IdentityModel.JsonWebTokens.JsonWebToken)result.SecurityToken).Typ);
    }

    [Fact]
    public async Task Fails_WithInvalidClient_WhenSecretIsWrong()
    {
        var response = await factory.CreateClient().PostAsync("/connect/token", Form(("grant_type", "client_credentials"),
            ("client_id", "figiauth-merchant"), ("client_secret", "wrong")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", await OidcFlow.ErrorAsync(response));
    }

    [Fact]
    public async Task Fails_WhenPasswordGrantIsAttempted()
    {
        var response = await factory.CreateClient().PostAsync("/connect/token", Form(("grant_type", "password"),
            ("client_id", "figiauth-merchant"), ("client_secret", Secret), ("username", "a"), ("password", "b")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unsupported_grant_type", await OidcFlow.ErrorAsync(response));
    }

    [Fact]
    public async Task Succeeds_IntrospectingOwnTokenAndRejectingGarbage()
    {
        var client = factory.CreateClient();
        var token = await TokenAsync(client);

        var active = await (await client.PostAsync("/connect/introspect", Form(("token", token),
            ("client_id", "figiauth-merchant"), ("client_secret", Secret)))).Content.ReadFromJsonAsync<JsonElement>();
        var garbage = await (await client.PostAsync("/connect/introspect", Form(("token", "not-a-token"),
            ("client_id", "figiauth-merchant"), ("client_secret", Secret)))).Content.ReadFromJsonAsync<JsonElement>();

        Assert.True(active.GetProperty("active").GetBoolean());
        Assert.Equal("figiauth-merchant", active.GetProperty("sub").GetString());
        Assert.False(garbage.GetProperty("active").GetBoolean());
    }

    [Theory]
    [InlineData("figiauth-merchant", Secret)]
    [InlineData("figiauth-wallet-backend", "figiauth-wallet-backend-development-only")]
    public async Task Succeeds_CreatingAConfirmation_WithATokenFromConnectToken(string clientId, string secret)
    {
        var client = factory.CreateClient();
        var issued = await client.PostAsync("/connect/token", Form(("grant_type", "client_credentials"),
            ("client_id", clientId), ("client_secret", secret), ("scope", "confirmations")));
        var token = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
        var (_, username) = await factory.AddUserAsync();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        var created = await client.PostAsJsonAsync("/confirmations/v1", ConfirmationTestExtensions.Body(username));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var read = await client.GetAsync($"/confirmations/v1/{id}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var row = await factory.WithDbAsync((db, _) => db.Confirmations.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(clientId, row.ClientId);
    }

    [Fact]
    public async Task Fails_With403_CreatingAConfirmation_WithATokenWithoutTheConfirmationsScope()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await TokenAsync(client));
        var (_, username) = await factory.AddUserAsync();

        var created = await client.PostAsJsonAsync("/confirmations/v1", ConfirmationTestExtensions.Body(username));

        Assert.Equal(HttpStatusCode.Forbidden, created.StatusCode);
    }
}
