using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FigiAuth.Testing.Support;

namespace FigiAuth.Browser.Tests.Decoupled;

/// <summary>
/// FigiAuth and two merchant tills as real processes on free ports (one till asks for the usual 5 minutes, one for
/// FigiAuth's shortest lifetime, 30 s, for the expiry test), and customers' phones as figiauth-phone processes with
/// their own key stores. Everything stopped and deleted in Dispose.
/// </summary>
public sealed class DecoupledWorld : IAsyncLifetime
{
    public const string ApiKey = "merchant-api-development-only";
    public const int ShortLifetimeSeconds = 30;

    readonly string directory = Directory.CreateTempSubdirectory("figiauth-decoupled-").FullName;
    WebAppProcess? merchant;
    WebAppProcess? shortMerchant;

    public BrowserServer Server { get; } = new();

    public MerchantApi Merchant { get; private set; } = null!;

    /// <summary>The till whose confirmations live 30 seconds.</summary>
    public MerchantApi ShortMerchant { get; private set; } = null!;

    public string Output => $"--- server ---\n{Server.Output}\n--- merchant ---\n{merchant?.Output}\n--- short merchant ---\n{shortMerchant?.Output}";

    public async ValueTask InitializeAsync()
    {
        try
        {
            await Server.InitializeAsync();
            (merchant, Merchant) = await StartMerchantAsync([]);
            (shortMerchant, ShortMerchant) = await StartMerchantAsync([$"--Merchant:ConfirmationLifetimeSeconds={ShortLifetimeSeconds}"]);
        }
        catch
        {
            // What did start stops with the failure, not with the test run.
            await DisposeAsync();
            throw;
        }
    }

    async Task<(WebAppProcess, MerchantApi)> StartMerchantAsync(string[] extra)
    {
        var process = await WebAppProcess.StartAsync(new WebAppProcessOptions
        {
            Dll = RepoPaths.MerchantDll,
            Arguments = [$"--FigiAuth:Server={Server.Origin}", .. extra],
            // No health endpoint: the till's page.
            ReadyPath = "/",
        });
        return (process, new MerchantApi(process.Origin.ToString().TrimEnd('/')));
    }

    /// <summary>A new customer with an enrolled phone, signed in (access token saved for `approve`).</summary>
    public async Task<Phone> EnrolledCustomerAsync(string name)
    {
        var phone = new Phone($"{name}{Guid.NewGuid():N}"[..16], Server.Origin, directory);
        (await phone.RunAsync("enroll")).AssertOk("Enrolled");
        (await phone.RunAsync("login")).AssertOk("Access token saved");
        return phone;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in new[] { merchant, shortMerchant })
        {
            process?.Dispose();
        }

        Merchant?.Dispose();
        ShortMerchant?.Dispose();
        await Server.DisposeAsync();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // left for the OS to clean
        }
    }
}

/// <summary>The merchant's API for a DFS core (X-Api-Key).</summary>
public sealed class MerchantApi(string origin) : IDisposable
{
    readonly HttpClient http = new() { BaseAddress = new Uri(origin), Timeout = TimeSpan.FromSeconds(60) };

    public string Origin => origin;

    public async Task<JsonObject> CreatePaymentAsync(string customer, string amount)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/payments")
        {
            Content = JsonContent.Create(new { customer, amount, currency = "KES" }),
        };
        request.Headers.Add("X-Api-Key", DecoupledWorld.ApiKey);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"{(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    public Task<JsonObject> GetPaymentAsync(string id) => SendAsync(HttpMethod.Get, $"/api/payments/{id}");

    /// <summary>The payment's status as the merchant reads it now.</summary>
    public async Task<string?> StatusOfAsync(JsonObject payment) => (string?)(await GetPaymentAsync((string)payment["id"]!))["status"];

    public Task<JsonObject> CancelPaymentAsync(string id) => SendAsync(HttpMethod.Post, $"/api/payments/{id}/cancel");

    async Task<JsonObject> SendAsync(HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Api-Key", DecoupledWorld.ApiKey);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>Status code of a request without the API key.</summary>
    public async Task<int> StatusWithoutKeyAsync(HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, path);
        if (method == HttpMethod.Post)
        {
            request.Content = JsonContent.Create(new { customer = "x", amount = "1" });
        }

        using var response = await http.SendAsync(request);
        return (int)response.StatusCode;
    }

    public void Dispose() => http.Dispose();
}

/// <summary>One customer's phone: the figiauth-phone CLI as a process, with its own key store and PIN.</summary>
public sealed class Phone(string user, string server, string directory)
{
    public string User { get; } = user;

    public Task<DotnetProcess.Result> RunAsync(params string[] args) => DotnetProcess.RunAsync(
        RepoPaths.PhoneDll,
        [.. args, "--server", server, "--user", User, "--store", Path.Combine(directory, $"{User}.keys")],
        new Dictionary<string, string?> { ["FIGIAUTH_PIN"] = "1234" },
        timeout: TimeSpan.FromSeconds(120));

    public Task<DotnetProcess.Result> ApproveAsync(string confirmationId) => RunAsync("approve", "--id", confirmationId, "--yes");

    public Task<DotnetProcess.Result> RejectAsync(string confirmationId) => RunAsync("approve", "--id", confirmationId, "--reject");
}

public static class PhoneResults
{
    public static void AssertOk(this DotnetProcess.Result result, string expected)
    {
        Assert.True(result.ExitCode == 0, result.Transcript);
        Assert.Contains(expected, result.Stdout);
    }

    /// <summary>Refused by the server (exit code 3) with this reason in the message.</summary>
    public static void AssertRefused(this DotnetProcess.Result result, string reason)
    {
        Assert.True(result.ExitCode == 3, result.Transcript);
        Assert.Contains(reason, result.Stderr);
    }
}
