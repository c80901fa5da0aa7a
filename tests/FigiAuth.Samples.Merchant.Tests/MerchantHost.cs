using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FigiAuth.Samples.Tests.FakeFigiAuth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FigiAuth.Samples.Merchant.Tests;

/// <summary>The merchant app in memory, pointed at a fake FigiAuth on loopback.</summary>
public sealed class MerchantHost : IAsyncDisposable
{
    public const string ApiKey = "test-api-key";
    readonly WebApplicationFactory<Program> _factory;

    MerchantHost(FakeFigiAuthServer figiAuth)
    {
        FigiAuth = figiAuth;
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("FigiAuth:Server", figiAuth.Origin.ToString())
            .UseSetting("FigiAuth:ClientCredentials:ClientId", FakeFigiAuthServer.ClientId)
            .UseSetting("FigiAuth:ClientCredentials:ClientSecret", FakeFigiAuthServer.ClientSecret)
            .UseSetting("Merchant:ApiKey", ApiKey)
            .UseSetting("Merchant:Name", "Test Shop")
            .UseSetting("Merchant:Account", "+254700000001"));
        Api = _factory.CreateClient();
        Api.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
    }

    public FakeFigiAuthServer FigiAuth { get; }

    /// <summary>A client that sends the API key.</summary>
    public HttpClient Api { get; }

    public HttpClient CreateClient(bool followRedirects = true) =>
        _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects });

    public static async Task<MerchantHost> StartAsync() => new(await FakeFigiAuthServer.StartAsync());

    /// <summary>POST /api/payments; returns the payment's id.</summary>
    public async Task<string> CreatePaymentAsync(string customer = "alice", string amount = "1500.00")
    {
        var response = await Api.PostAsJsonAsync("/api/payments", new { customer, amount, currency = "KES" });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    public async Task<JsonObject> GetPaymentAsync(string id) =>
        (await Api.GetFromJsonAsync<JsonObject>($"/api/payments/{id}"))!;

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await _factory.DisposeAsync();
        await FigiAuth.DisposeAsync();
    }
}
