using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FigiAuth.Samples.Tests.FakeFigiAuth;

/// <summary>
/// A stand-in for FigiAuth on a loopback port: OIDC discovery, a client-credentials token endpoint, the JWKS of a
/// test ES256 key and the confirmations API (create, read). Tests decide each confirmation's outcome and can
/// tamper with its receipt. It follows docs/integration.md; it is not the real server.
/// </summary>
public sealed class FakeFigiAuthServer : IAsyncDisposable
{
    public const string ClientId = "figiauth-merchant", ClientSecret = "test-secret", Scope = "confirmations";
    readonly WebApplication _app;
    readonly ConcurrentDictionary<string, FakeConfirmation> _confirmations = new();
    int _tokens, _reads;

    FakeFigiAuthServer(WebApplication app) => _app = app;

    public Uri Origin { get; private set; } = null!;
    public string Issuer => Origin.GetLeftPart(UriPartial.Authority);
    public ReceiptSigner Signer { get; } = new();
    public int TokensIssued => _tokens;
    public int ConfirmationReads => _reads;
    public IReadOnlyCollection<FakeConfirmation> Confirmations => [.. _confirmations.Values];

    public static async Task<FakeFigiAuthServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeFigiAuthServer(app);
        fake.Map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.Origin = new Uri(address);
        return fake;
    }

    /// <summary>The one confirmation created so far (most tests create exactly one).</summary>
    public FakeConfirmation Single() => Assert.Single(_confirmations.Values);

    void Map(WebApplication app)
    {
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new JsonObject
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = $"{Issuer}/connect/authorize",
            ["token_endpoint"] = $"{Issuer}/connect/token",
            ["jwks_uri"] = $"{Issuer}/.well-known/jwks.json",
        }));
        app.MapGet("/.well-known/jwks.json", () => Results.Text(Signer.JwksJson, "application/json"));
        app.MapPost("/connect/token", IssueToken);
        app.MapPost("/confirmations/v1", CreateAsync);
        app.MapGet("/confirmations/v1/{id}", (string id, HttpContext http) =>
        {
            if (!Authorized(http))
                return Results.Unauthorized();
            Interlocked.Increment(ref _reads);
            return _confirmations.TryGetValue(id, out var c) ? Results.Json(c.View(Issuer, Signer)) : Results.NotFound();
        });
    }

    async Task<IResult> IssueToken(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (form["grant_type"] != "client_credentials" || form["client_id"] != ClientId || form["client_secret"] != ClientSecret
            || !form["scope"].ToString().Split(' ').Contains(Scope))
            return Results.Json(new { error = "invalid_client" }, statusCode: 400);
        var n = Interlocked.Increment(ref _tokens);
        return Results.Json(new { access_token = $"fake-token-{n}", token_type = "Bearer", expires_in = 3600 });
    }

    static bool Authorized(HttpContext http) =>
        http.Request.Headers.Authorization.ToString().StartsWith("Bearer fake-token-", StringComparison.Ordinal);

    async Task<IResult> CreateAsync(HttpRequest request)
    {
        if (!Authorized(request.HttpContext))
            return Results.Unauthorized();
        var body = (await JsonNode.ParseAsync(request.Body))!.AsObject();
        var user = body["username"]?.GetValue<string>() ?? body["phone"]?.GetValue<string>();
        if (user == FakeConfirmation.UnknownUser)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["username"] = ["no single user with this username or phone"] });
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var payee = body["payee"]!.AsObject();
        var c = new FakeConfirmation(id, user!, body["amount"]!.GetValue<string>(), body["currency"]!.GetValue<string>(),
            payee["name"]!.GetValue<string>(), payee["account"]?.GetValue<string>(), body.ToJsonString());
        _confirmations[id] = c;
        return Results.Json(c.View(Issuer, Signer), statusCode: 201);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Signer.Dispose();
    }
}
