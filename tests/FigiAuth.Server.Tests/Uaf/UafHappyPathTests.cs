using System.Text.Json;
using FigiAuth.Client.Authenticators;
using FigiAuth.Server.Data;
using FigiAuth.Server.Hosting;
using FigiAuth.Server.Tests.Infrastructure;
using FigiAuth.Uaf.Encoding;
using FigiAuth.Uaf.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FigiAuth.Server.Tests.Uaf;

/// <summary>SECURITY.md UAF-01, UAF-15, UAF-21: the ceremonies through HTTP with the SDK's client.</summary>
public sealed class UafHappyPathTests(FigiAuthServerFactory factory) : IClassFixture<FigiAuthServerFactory>
{
    [Theory]
    [InlineData("F1D0#0101")] // basic surrogate
    [InlineData("F1D0#0001")] // basic full, chained to the development root in the metadata
    [InlineData("F1D0#0012")] // Ed25519, COSE key
    public async Task Succeeds_ForRegistrationThenAuthentication(string aaid)
    {
        var phone = new UafHarness(factory, null, AuthenticatorProfiles.Find(aaid)!);
        var registration = await phone.RegistrationResponseAsync();

        var registered = await phone.RespondAsync(registration);

        Assert.Equal(1200, registered.StatusCode);
        var row = Assert.Single(await phone.RegistrationsAsync());
        Assert.Equal(aaid, row.Aaid);
        Assert.Equal(UafRegistrationStatus.Active, row.Status);
        Assert.NotNull((await phone.ChallengeAsync(UafHarness.ChallengeOf(registration)))!.ConsumedAt);
        Assert.True(await AuditedAsync("uaf.reg.ok", row.UserId));

        var result = await phone.Client.AuthenticateAsync(phone.Username);

        Assert.Equal(1200, result.Response.StatusCode);
        var claims = await ValidateAsync(result.AccessToken!);
        Assert.Equal(row.UserId.ToString("D"), claims["sub"]);
        Assert.Equal("figiauth:swk", claims["acr"]); // docs/acr-amr.md: the dev metadata says keyProtection software
        var amr = ((IEnumerable<object>)claims["amr"]).Select(a => a.ToString()).ToList();
        Assert.Equal(["swk", "user", "pin", "mfa"], amr);
        Assert.True((await phone.RegistrationsAsync())[0].SignCounter > row.SignCounter);
        Assert.True(await AuditedAsync("uaf.auth.ok", row.UserId));
    }

    [Fact]
    public async Task Succeeds_ForUsernameLessAuthentication()
    {
        var phone = new UafHarness(factory);
        await phone.RegisterAsync();

        var result = await phone.Client.AuthenticateAsync(null);

        Assert.Equal(1200, result.Response.StatusCode);
        var claims = await ValidateAsync(result.AccessToken!);
        Assert.Equal((await phone.RegistrationsAsync())[0].UserId.ToString("D"), claims["sub"]);
    }

    [Fact]
    public async Task Succeeds_ForTextTransaction_AndKeepsTheSignedAssertion()
    {
        var phone = new UafHarness(factory);
        await phone.RegisterAsync();

        var result = await phone.Client.ConfirmTransactionAsync(phone.Username, "Send 500 KES to Bob");

        Assert.Equal(1200, result.Response.StatusCode);
        var token = await ValidateAsync(result.AccessToken!);
        Assert.Equal("figiauth:swk", token["acr"]);
        Assert.False(string.IsNullOrEmpty(token["confirmation_id"] as string));
        var userId = (await phone.RegistrationsAsync())[0].UserId;
        var detail = await factory.WithDbAsync((db, _) => db.AuditEvents.AsNoTracking()
            .Where(a => a.Type == "uaf.tc.ok" && a.UserId == userId).Select(a => a.DetailJson).SingleAsync());
        var fields = JsonSerializer.Deserialize<Dictionary<string, string>>(detail)!;
        Assert.Equal("text/plain", fields["transactionContentType"]);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData("Send 500 KES to Bob"u8),
            StrictBase64Url.Decode(fields["transactionContentHash"], "TEST", "hash"));
        Assert.False(string.IsNullOrEmpty(fields["assertion"]));
    }

    [Fact]
    public async Task Succeeds_ForPngTransaction_RenderedForTheDisplay()
    {
        var phone = new UafHarness(factory, null, AuthenticatorProfiles.P256Png);
        await phone.RegisterAsync();

        var request = await phone.RequestAsync("Auth", new { transaction = "Pay 1200 KES to Mama Mboga" });
        var forms = UafMessageReader.ReadAuthenticationRequest(request).Transaction!;
        var png = Assert.Single(forms, t => t.ContentType == "image/png");
        Assert.Equal(320u, png.TcDisplayPngCharacteristics!.Width);
        var bytes = StrictBase64Url.Decode(png.Content, "TEST", "png");
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes[..4]);
        Assert.Equal(320, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
        Assert.Equal(240, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));

        var answer = await phone.RespondAsync(await phone.Client.CreateAuthenticationResponseAsync(request));

        Assert.Equal(1200, answer.StatusCode);
        var userId = (await phone.RegistrationsAsync())[0].UserId;
        Assert.True(await AuditedAsync("uaf.tc.ok", userId));
    }

    [Theory]
    [InlineData("keys")]
    [InlineData("aaid")]
    [InlineData("all")]
    public async Task Succeeds_ForDeregistration_ThenAuthenticationIsRefused(string scope)
    {
        var phone = new UafHarness(factory, null, AuthenticatorProfiles.P256RawSurrogate, AuthenticatorProfiles.P256Raw);
        await phone.RegisterAsync();
        var (userId, aaid) = (await phone.RegistrationsAsync()) is [var row] ? (row.UserId, row.Aaid) : default;
        var pending = await phone.AuthenticationResponseAsync();

        var removed = scope switch
        {
            "keys" => await phone.Client.DeregisterAsync(phone.Username),
            "aaid" => await phone.Client.DeregisterAsync(phone.Username, aaid: aaid),
            _ => await phone.Client.DeregisterAsync(phone.Username, all: true),
        };

        Assert.Equal(1, removed);
        Assert.Empty(await phone.RegistrationsAsync());
        Assert.True(await AuditedAsync("uaf.dereg", userId));
        Assert.Equal(1481, (await phone.RespondAsync(pending)).StatusCode);
    }

    [Fact]
    public async Task Fails_With1404_WhenDeregisterAaidIsUnknown()
    {
        var phone = new UafHarness(factory);
        await phone.RegisterAsync();

        var answer = await phone.GetAsync("Dereg", phone.Context(new { deregisterAAID = "ABCD#9999" }));

        Assert.Equal(1404, answer.GetProperty("statusCode").GetInt32());
        Assert.Single(await phone.RegistrationsAsync());
    }

    [Fact]
    public async Task Succeeds_ForTrustedFacetList()
    {
        var response = await factory.CreateClient().GetAsync("/uaf/v1/facets");
        var list = JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(), UafJsonContext.Default.TrustedFacetList)!;
        var origin = factory.Services.GetRequiredService<IOptions<FigiAuthOptions>>().Value.PublicOrigin;

        Assert.Equal("application/fido.trusted-apps+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([UafVersion.V1_0, UafVersion.V1_1], list.TrustedFacets.Select(f => f.Version));
        Assert.All(list.TrustedFacets, f => Assert.Contains(origin, f.Ids));
    }

    [Fact]
    public async Task Fails_With1404_WhenConfirmationIdIsGiven()
    {
        var phone = new UafHarness(factory);

        var answer = await phone.GetAsync("Auth", phone.Context(new { confirmationId = "c-1" }));

        Assert.Equal(1404, answer.GetProperty("statusCode").GetInt32());
        Assert.Contains("confirmation", answer.GetProperty("description").GetString());
    }

    async Task<IDictionary<string, object>> ValidateAsync(string token)
    {
        var jwks = await factory.CreateClient().GetStringAsync("/.well-known/jwks.json");
        var options = factory.Services.GetRequiredService<IOptions<FigiAuthOptions>>().Value;
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = FigiAuth.Server.Tokens.IssuerName.Of(options.PublicOrigin!), // as OIDC tokens: the origin with a trailing slash
            ValidAudience = options.Tokens.Audience,
            IssuerSigningKeys = new JsonWebKeySet(jwks).GetSigningKeys(),
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        return result.Claims;
    }

    Task<bool> AuditedAsync(string type, Guid userId) =>
        factory.WithDbAsync((db, _) => db.AuditEvents.AnyAsync(a => a.Type == type && a.UserId == userId));
}
