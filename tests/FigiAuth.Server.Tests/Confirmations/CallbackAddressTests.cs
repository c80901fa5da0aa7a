using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FigiAuth.Server.Confirmations;
using FigiAuth.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FigiAuth.Server.Tests.Confirmations;

/// <summary>
/// SSRF: callbacks are https outside Development, never reach internal addresses (checked after DNS resolution, when
/// sending) unless FigiAuth:Confirmations:CallbackAllowedHosts lists the host.
/// </summary>
public sealed class CallbackAddressTests(ProductionServerFactory production) : IClassFixture<ProductionServerFactory>
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("::1")]
    [InlineData("169.254.169.254")]
    [InlineData("fe80::1")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("100.64.0.1")]
    [InlineData("224.0.0.1")]
    public void Forbidden_ForInternalAddresses(string address) =>
        Assert.True(CallbackAddresses.IsForbidden(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("2606:4700::1111")]
    public void Allowed_ForPublicAddresses(string address) =>
        Assert.False(CallbackAddresses.IsForbidden(IPAddress.Parse(address)));

    [Theory]
    [InlineData("http://127.0.0.1:{port}/cb")]
    [InlineData("http://localhost:{port}/cb")]
    [InlineData("http://[::1]:{port}/cb")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://[fe80::1]/cb")]
    [InlineData("http://10.0.0.1/cb")]
    [InlineData("http://172.16.5.5/cb")]
    [InlineData("http://192.168.0.10/cb")]
    [InlineData("http://[fc00::5]/cb")]
    [InlineData("http://0.0.0.0:{port}/cb")]
    public async Task Fails_WithoutConnecting_WhenCallbackTargetIsInternal(string url)
    {
        await using var receiver = new CallbackReceiver();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => PostAsync(production, url.Replace("{port}", receiver.Port.ToString())));

        Assert.IsType<CallbackRefusedException>(error.InnerException);
        Assert.Equal(0, receiver.Connections);
    }

    [Fact]
    public async Task Succeeds_WhenCallbackHostIsAllowListed()
    {
        await using var factory = new ProductionServerFactory();
        factory.Settings["FigiAuth:Confirmations:CallbackAllowedHosts:0"] = "localhost";
        await using var receiver = new CallbackReceiver();

        using var response = await PostAsync(factory, $"http://localhost:{receiver.Port}/cb");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(1, receiver.Connections);
    }

    [Fact]
    public async Task Succeeds_WhenDevelopmentSettingsAllowLoopback()
    {
        await using var factory = new FigiAuthServerFactory();
        await using var receiver = new CallbackReceiver();

        using var response = await PostAsync(factory, $"http://127.0.0.1:{receiver.Port}/cb");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Theory]
    [InlineData("http://merchant.example.test/cb")]
    [InlineData("https://10.0.0.8/cb")]
    [InlineData("https://169.254.169.254/cb")]
    [InlineData("https://[fd00::1]/cb")]
    public async Task Fails_With400NamingCallbackUrl_WhenCallbackIsNotHttpsOrIsAnInternalAddress(string url)
    {
        var (_, name) = await production.AddUserAsync();

        var response = await production.CreateDfsClient().PostAsJsonAsync("/confirmations/v1", With(ConfirmationTestExtensions.Body(name), url));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("callbackUrl", out _), problem.ToString());
    }

    [Fact]
    public async Task Succeeds_WhenProductionCallbackIsHttpsToAName()
    {
        var (_, name) = await production.AddUserAsync();

        var response = await production.CreateDfsClient().PostAsJsonAsync("/confirmations/v1",
            With(ConfirmationTestExtensions.Body(name), "https://merchant.example.test/cb"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Fails_ToDeliver_WhenCallbackNameResolvesToLoopback()
    {
        await using var receiver = new CallbackReceiver();
        var (_, name) = await production.AddUserAsync();
        var dfs = production.CreateDfsClient();
        var created = await dfs.PostAsJsonAsync("/confirmations/v1", With(ConfirmationTestExtensions.Body(name), $"https://localhost:{receiver.Port}/cb"));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        (await dfs.PostAsync($"/confirmations/v1/{id}/cancel", null)).EnsureSuccessStatusCode();

        await production.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<ConfirmationCallbackService>().Single()
            .SweepAsync(CancellationToken.None);
        var stored = await production.WithDbAsync((db, _) => db.Confirmations.FindAsync(id).AsTask());

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(0, receiver.Connections);
        Assert.Null(stored!.CallbackDeliveredAt);
        Assert.True(stored.CallbackAttempts >= 1);
    }

    static async Task<HttpResponseMessage> PostAsync(FigiAuthServerFactory factory, string url) =>
        await factory.Services.GetRequiredService<IHttpClientFactory>().CreateClient(ConfirmationCallbackService.HttpClientName)
            .PostAsJsonAsync(url, new { id = "test" });

    static Dictionary<string, object?> With(object body, string callbackUrl)
    {
        var fields = JsonSerializer.SerializeToElement(body).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        fields["callbackUrl"] = callbackUrl;
        return fields;
    }
}
