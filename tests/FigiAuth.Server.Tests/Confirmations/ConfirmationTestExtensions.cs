using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FigiAuth.Server.Accounts;
using FigiAuth.Server.Confirmations;
using FigiAuth.Server.Tests.Infrastructure;
using FigiAuth.Server.Tokens;
using Microsoft.Extensions.DependencyInjection;

namespace FigiAuth.Server.Tests.Confirmations;

public static class ConfirmationTestExtensions
{
    /// <summary>A DFS back end: a client-credentials style token with scope "confirmations".</summary>
    public static HttpClient CreateDfsClient(this FigiAuthServerFactory factory, string? clientId = null, params string[] scopes)
    {
        clientId ??= "dfs-" + Guid.NewGuid().ToString("N")[..8];
        return factory.WithBearer(new AccessTokenRequest(clientId, ["client_credentials"],
            Scopes: scopes.Length == 0 ? [ConfirmationPolicies.Scope] : scopes, ClientId: clientId));
    }

    /// <summary>The user's phone: a bearer token whose subject is the user id.</summary>
    public static HttpClient CreateUserClient(this FigiAuthServerFactory factory, Guid userId) =>
        factory.WithBearer(new AccessTokenRequest(userId.ToString("D"), ["uaf"]));

    public static Task<(Guid Id, string Username)> AddUserAsync(this FigiAuthServerFactory factory, string? phone = null) =>
        factory.WithDbAsync(async (db, sp) =>
        {
            var user = await sp.GetRequiredService<UserDirectory>().FindOrCreateAsync("user-" + Guid.NewGuid().ToString("N"));
            if (phone is not null)
            {
                user.PhoneNumber = phone;
                db.Update(user);
                await db.SaveChangesAsync();
            }

            return (user.Id, user.UserName!);
        });

    /// <summary>A valid create request body for the user; override fields with a with-expression.</summary>
    public static object Body(string username, string amount = "1500.00", string currency = "KES") => new
    {
        username,
        amount,
        currency,
        payee = new { name = "Mama Mboga Shop", account = "+254700000001" },
    };

    /// <summary>A DFS back end creates a confirmation (1500.00 KES to Mama Mboga Shop) for the user; returns its id and display text.</summary>
    public static async Task<(string Id, string DisplayText)> CreateConfirmationAsync(this FigiAuthServerFactory factory, string username,
        int? expiresInSeconds = null, HttpClient? dfs = null)
    {
        var response = await (dfs ?? factory.CreateDfsClient()).PostAsJsonAsync("/confirmations/v1", new
        {
            username,
            amount = "1500.00",
            currency = "KES",
            payee = new { name = "Mama Mboga Shop", account = "+254700000001" },
            expiresInSeconds,
        });
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, created.ToString());
        return (created.GetProperty("id").GetString()!, created.GetProperty("displayText").GetString()!);
    }

    static HttpClient WithBearer(this FigiAuthServerFactory factory, AccessTokenRequest request)
    {
        var client = factory.CreateClient();
        var token = factory.Services.GetRequiredService<AccessTokenIssuer>().Issue(request);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
