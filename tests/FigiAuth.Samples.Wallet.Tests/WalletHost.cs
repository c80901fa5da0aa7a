using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FigiAuth.Samples.Tests.FakeFigiAuth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FigiAuth.Samples.Wallet.Tests;

/// <summary>The wallet in memory on its own SQLite file, pointed at a fake FigiAuth on loopback.</summary>
public sealed partial class WalletHost : IAsyncDisposable
{
    readonly WebApplicationFactory<Program> _factory;
    readonly string _database = Path.Combine(Path.GetTempPath(), $"wallet-test-{Guid.NewGuid():N}.db");

    WalletHost(FakeFigiAuthServer figiAuth, bool testSignIn)
    {
        FigiAuth = figiAuth;
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("FigiAuth:Server", figiAuth.Origin.ToString())
                .UseSetting("FigiAuth:ClientCredentials:ClientId", FakeFigiAuthServer.ClientId)
                .UseSetting("FigiAuth:ClientCredentials:ClientSecret", FakeFigiAuthServer.ClientSecret)
                .UseSetting("ConnectionStrings:Wallet", $"Data Source={_database};Pooling=False")
                .UseSetting("Wallet:StartingBalance", "1000");
            if (testSignIn)
                b.ConfigureTestServices(s => s
                    .AddAuthentication(o => { o.DefaultScheme = TestSignIn.SchemeName; o.DefaultChallengeScheme = TestSignIn.SchemeName; })
                    .AddScheme<AuthenticationSchemeOptions, TestSignIn>(TestSignIn.SchemeName, null));
        });
    }

    public FakeFigiAuthServer FigiAuth { get; }

    public static async Task<WalletHost> StartAsync(bool testSignIn = true) => new(await FakeFigiAuthServer.StartAsync(), testSignIn);

    public HttpClient CreateClient(string? user = "alice")
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (user is not null)
            client.DefaultRequestHeaders.Add(TestSignIn.Header, user);
        return client;
    }

    /// <summary>Posts "Send money"; returns the transfer id from the redirect, or null with the page's error.</summary>
    public static async Task<(string? Id, string Page)> SendAsync(HttpClient client, string payee = "Bob", string amount = "150", string? account = "+254700000002")
    {
        var response = await Forms.PostAsync(client, "/", new Dictionary<string, string>
        {
            ["Send.PayeeName"] = payee, ["Send.PayeeAccount"] = account ?? "", ["Send.Amount"] = amount, ["Send.Currency"] = "KES",
        });
        var location = response.Headers.Location?.OriginalString;
        return (location?[(location.LastIndexOf('/') + 1)..], await response.Content.ReadAsStringAsync());
    }

    public static async Task<string> StatusAsync(HttpClient client, string id) =>
        JsonNode.Parse(await client.GetStringAsync($"/transfers/{id}/status"))!["status"]!.GetValue<string>();

    /// <summary>The balance shown on the wallet page, e.g. "850.00 KES".</summary>
    public static async Task<string> BalanceAsync(HttpClient client) =>
        Balance().Match(await client.GetStringAsync("/")).Groups[1].Value;

    [GeneratedRegex("<p class=\"balance\"[^>]*>([^<]+)</p>")]
    private static partial Regex Balance();

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await FigiAuth.DisposeAsync();
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" })
            File.Delete(file);
    }
}
