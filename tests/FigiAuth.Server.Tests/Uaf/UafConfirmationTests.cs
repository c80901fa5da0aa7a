using System.Buffers.Text;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FigiAuth.Client.Authenticators;
using FigiAuth.Client.Receipts;
using FigiAuth.Server.Confirmations;
using FigiAuth.Server.Hosting;
using FigiAuth.Server.Tests.Confirmations;
using FigiAuth.Server.Tests.Infrastructure;
using FigiAuth.Uaf.Encoding;
using FigiAuth.Uaf.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FigiAuth.Server.Tests.Uaf;

/// <summary>
/// DESIGN.md "Transaction confirmation, three ways" 1 and 2 over UAF, through HTTP with the SDK: a back end's pending
/// confirmation and an in-band transaction both end in a confirmed record and a receipt the SDK verifies; every
/// refusal answers its UAF status and confirms nothing (SECURITY.md TC-04, TC-07, TC-08, TC-11).
/// </summary>
public abstract class UafConfirmationTests(FigiAuthServerFactory factory)
{
    protected FigiAuthServerFactory Factory => factory;

    [Theory]
    [InlineData("F1D0#0001")] // text/plain display
    [InlineData("F1D0#0201")] // image/png display: the PNG rendered by the server is what was shown and signed
    public async Task Succeeds_ForPendingConfirmation_WithReceiptTheSdkVerifies(string aaid)
    {
        if (!factory.EnsureAvailable()) return;
        var phone = await RegisteredPhoneAsync(AuthenticatorProfiles.Find(aaid)!);
        var (id, displayText) = await CreateAsync(phone.Username);
        var request = await phone.RequestAsync("Auth", new { confirmationId = id });
        var forms = UafMessageReader.ReadAuthenticationRequest(request).Transaction!;
        Assert.Equal(displayText, Encoding.UTF8.GetString(StrictBase64Url.Decode(forms[0].Content, "TEST", "text")));

        var answer = await phone.RespondAsync(await phone.Client.CreateAuthenticationResponseAsync(request));

        Assert.True(answer.StatusCode == 1200, answer.Description);
        var receipt = Assert.Single(answer.AdditionalTokens!, t => t.Type == "JWT").Value;
        Assert.Contains(answer.AdditionalTokens!, t => t.Type == "OAUTH2");
        var claims = await VerifierAsync().VerifyPayloadAsync(receipt, cancellationToken: TestContext.Current.CancellationToken);
        var png = aaid == "F1D0#0201" ? forms.Single(f => f.ContentType == "image/png") : null;
        var shown = png is null ? Encoding.UTF8.GetBytes(displayText) : StrictBase64Url.Decode(png.Content, "TEST", "png");
        Assert.Equal(id, (string?)claims["confirmation_id"]);
        Assert.Equal(Base64Url.EncodeToString(SHA256.HashData(shown)), (string?)claims["display_hash"]);
        Assert.Equal(png is null ? "text/plain" : "image/png", (string?)claims["display_type"]);
        Assert.Equal(displayText, (string?)claims["display_text"]);
        Assert.Equal("1500.00", (string?)claims["amount"]);
        Assert.Equal("KES", (string?)claims["currency"]);
        Assert.Equal("Mama Mboga Shop", (string?)claims["payee"]!["name"]);
        Assert.Equal("+254700000001", (string?)claims["payee"]!["account"]);
        Assert.Equal(aaid, (string?)claims["authenticator"]);
        Assert.Equal("uaf", (string?)claims["method"]);
        var row = await RowAsync(id);
        Assert.Equal(ConfirmationStatus.Confirmed, row.Status);
        Assert.Equal(receipt, row.Receipt);
        Assert.Equal(SHA256.HashData(shown), row.DisplayedHash);
        Assert.NotNull(row.SignedAssertion);
    }

    [Fact]
    public async Task Succeeds_ForInBandTransaction_InTheSameRecordAndReceipt()
    {
        if (!factory.EnsureAvailable()) return;
        var phone = await RegisteredPhoneAsync(AuthenticatorProfiles.P256RawSurrogate);

        var result = await phone.Client.ConfirmTransactionAsync(phone.Username, "Send 500 KES to Bob");

        Assert.True(result.Response.StatusCode == 1200, result.Response.Description);
        var claims = await VerifierAsync().VerifyPayloadAsync(result.Receipt!, cancellationToken: TestContext.Current.CancellationToken);
        var id = (string)claims["confirmation_id"]!;
        Assert.Equal("Send 500 KES to Bob", (string?)claims["display_text"]);
        Assert.Equal(Base64Url.EncodeToString(SHA256.HashData("Send 500 KES to Bob"u8)), (string?)claims["display_hash"]);
        Assert.Equal("in-band", (string?)claims["client_id"]);
        Assert.False(claims.ContainsKey("amount"));
        Assert.False(claims.ContainsKey("payee"));
        var row = await RowAsync(id);
        Assert.Equal(ConfirmationStatus.Confirmed, row.Status);
        Assert.Equal(Confirmation.InBandClientId, row.ClientId);
        Assert.Null(row.AmountMinor);
    }

    [Theory]
    [InlineData("Send\u202E 500 KES")] // bidi override
    [InlineData("Send\u200B500 KES")]  // zero width
    [InlineData("Line\nbreak")]
    [InlineData("")]
    public async Task Fails_With1400_ForInBandTextThatCouldMislead(string text)
    {
        if (!factory.EnsureAvailable()) return;
        var phone = await RegisteredPhoneAsync(AuthenticatorProfiles.P256RawSurrogate);
        var before = await CountAsync();

        var answer = await phone.GetAsync("Auth", phone.Context(new { transaction = text }));

        Assert.Equal(1400, answer.GetProperty("statusCode").GetInt32());
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Fails_With1491_WhenConfirmationWasCancelledAfterTheRequest()
    {
        if (!factory.EnsureAvailable()) return;
        var phone = await RegisteredPhoneAsync(AuthenticatorProfiles.P256RawSurrogate);
        var (id, _) = await CreateAsync(phone.Username);
        var response = await phone.AuthenticationResponseAsync(new { confirmationId = id });
        Assert.True((await Dfs.PostAsync($"/confirmations/v1/{id}/cancel", null)).IsSuccessStatusCode);

        await AssertRefusedAsync(phone, response, 1491, id, ConfirmationStatus.Cancelled);
        Assert.Equal(1491, (await phone.GetAsync("Auth", phone.Context(new { confirmationId = id }))).GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task Fails_With1491_WhenAnotherAnswerConfirmedFirst_AndForTheReplayedResponse()
    {
        if (!factory.EnsureAvailable()) return;
        var phone = await RegisteredPhoneAsync(AuthenticatorProfiles.P256RawSurrogate);
        var (id, _) = await CreateAsync(phone.Username);
        var first = await phone.AuthenticationResponseAsync(new { confirmationId = id });
        var second = await phone.AuthenticationResponseAsync(new { confirmationId = id });
        Assert.Equal(1200, (await phone.RespondAsync(first)).StatusCode);
        var receipt = (await RowAsync(id)).Receipt;

        await AssertRefusedAsync(phone, second, 1491, id, ConfirmationStatus.Confirmed);
        await AssertRefusedAsync(phone, first, 1491, id, ConfirmationStatus.Confirmed);
        Assert.Equal(receipt, (await RowAsync(id)).Receipt);
        Assert.Equal(1, await factory.WithDbAsync((db, _) => db.AuditEvents.CountAsync(a => a.Type == "confirmation.confirmed" && a.Subject == id)));
    }

    [Fact]
    public async Task Fails_ForAnotherUsersConfirmation_1404OnGet_1401WhenTheirKeyAnswers()
    {
        if (!factory.EnsureAvailable()) return;
        var alice = await RegisteredPhoneAsync(AuthenticatorProfiles.P256RawSurrogate);
        var mallory = await RegisteredPhoneAsync(AuthenticatorProfiles.P256RawSurrogate);
        var (id, _) = await CreateAsync(alice.Username);

        var asked = await mallory.GetAsync("Auth", mallory.Context(new { confirmationId = id }));
        var request = await alice.RequestAsync("Auth", new { confirmationId = id });
        var stolen = await mallory.Client.CreateAuthenticationResponseAsync(UafHarness.MutateRequest(request, m =>
            m["policy"] = new JsonObject { ["accepted"] = new JsonArray(new JsonArray(new JsonObject { ["aaid"] = new JsonArray("F1D0#0101") })) }));

        Assert.Equal(1404, asked.GetProperty("statusCode").GetInt32());
        await AssertRefusedAsync(mallory, stolen, 1401, id, ConfirmationStatus.Pending);
    }

    [Fact]
    public async Task Fails_With1498_WhenTheSignedContentIsNotTheConfirmationsText()
    {
        if (!factory.EnsureAvailable()) return;
        var phone = await RegisteredPhoneAsync(AuthenticatorProfiles.P256RawSurrogate);
        var (id, _) = await CreateAsync(phone.Username);
        var tampered = StrictBase64Url.Encode("Confirm payment of 1.00 KES to Mama Mboga Shop"u8.ToArray());
        var response = await phone.AuthenticationResponseAsync(new { confirmationId = id },
            r => UafHarness.MutateRequest(r, m => m["transaction"] = new JsonArray(new JsonObject { ["contentType"] = "text/plain", ["content"] = tampered })));

        await AssertRefusedAsync(phone, response, 1498, id, ConfirmationStatus.Pending);
    }

    [Fact]
    public async Task Succeeds_Once_When10ParallelCopiesOfOneConfirmationAnswerArrive()
    {
        if (!factory.EnsureAvailable()) return;
        var phone = await RegisteredPhoneAsync(AuthenticatorProfiles.P256RawSurrogate);
        var (id, _) = await CreateAsync(phone.Username);
        var response = await phone.AuthenticationResponseAsync(new { confirmationId = id });

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => phone.RespondAsync(response))));

        Assert.Single(answers, a => a.StatusCode == 1200);
        Assert.All(answers.Where(a => a.StatusCode != 1200), a => Assert.Equal(1491, a.StatusCode));
        Assert.Equal(ConfirmationStatus.Confirmed, (await RowAsync(id)).Status);
    }

    [Fact]
    public async Task Succeeds_Once_WhenTwoDifferentAnswersOfOneConfirmationRace()
    {
        if (!factory.EnsureAvailable()) return;
        var phone = await RegisteredPhoneAsync(AuthenticatorProfiles.P256RawSurrogate);
        var (id, _) = await CreateAsync(phone.Username);
        var responses = new[]
        {
            await phone.AuthenticationResponseAsync(new { confirmationId = id }),
            await phone.AuthenticationResponseAsync(new { confirmationId = id }),
            await phone.AuthenticationResponseAsync(new { confirmationId = id }),
        };

        var answers = await Task.WhenAll(responses.Select(r => Task.Run(() => phone.RespondAsync(r))));

        Assert.Single(answers, a => a.StatusCode == 1200);
        Assert.All(answers.Where(a => a.StatusCode != 1200), a => Assert.Contains(a.StatusCode, new[] { 1491, 1498 }));
        Assert.Equal(1, await factory.WithDbAsync((db, _) => db.AuditEvents.CountAsync(a => a.Type == "confirmation.confirmed" && a.Subject == id)));
    }

    [Fact]
    public async Task Fails_ForATamperedReceipt_InTheSdkVerifier()
    {
        if (!factory.EnsureAvailable()) return;
        var phone = await RegisteredPhoneAsync(AuthenticatorProfiles.P256RawSurrogate);
        var (id, _) = await CreateAsync(phone.Username);
        var receipt = (await phone.Client.ConfirmPendingAsync(phone.Username, id)).Receipt!;
        var parts = receipt.Split('.');
        var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1])).Replace("1500.00", "15.00");
        var tampered = $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}.{parts[2]}";
        var accessToken = (await phone.Client.AuthenticateAsync(phone.Username)).AccessToken!;

        Assert.Equal(id, (string?)(await VerifierAsync().VerifyPayloadAsync(receipt, cancellationToken: TestContext.Current.CancellationToken))["confirmation_id"]);
        await Assert.ThrowsAsync<ReceiptValidationException>(() => VerifierAsync().VerifyPayloadAsync(tampered, cancellationToken: TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ReceiptValidationException>(() => VerifierAsync().VerifyPayloadAsync(accessToken, cancellationToken: TestContext.Current.CancellationToken)); // typ at+jwt
    }

    // ---- helpers ----

    HttpClient? dfs;

    protected HttpClient Dfs => dfs ??= factory.CreateDfsClient();

    protected async Task<UafHarness> RegisteredPhoneAsync(AuthenticatorProfile profile)
    {
        var phone = new UafHarness(factory, null, profile);
        await phone.RegisterAsync();
        return phone;
    }

    protected Task<(string Id, string DisplayText)> CreateAsync(string username) => factory.CreateConfirmationAsync(username, dfs: Dfs);

    protected ReceiptVerifier VerifierAsync() => ReceiptVerifier.ForReceipts(factory.CreateClient(),
        new Uri("/.well-known/jwks.json", UriKind.Relative), factory.Services.GetRequiredService<IOptions<FigiAuthOptions>>().Value.PublicOrigin!);

    protected Task<Confirmation> RowAsync(string id) =>
        factory.WithDbAsync((db, _) => db.Confirmations.AsNoTracking().SingleAsync(c => c.Id == id));

    Task<int> CountAsync() => factory.WithDbAsync((db, _) => db.Confirmations.CountAsync());

    /// <summary>The answer is refused with <paramref name="status"/> and a description; the confirmation is left as
    /// <paramref name="expected"/> with no receipt of this answer; the sign counter did not move.</summary>
    protected async Task AssertRefusedAsync(UafHarness phone, string response, int status, string id, ConfirmationStatus expected)
    {
        var before = (await RowAsync(id)).Receipt;
        var counters = (await phone.RegistrationsAsync()).Select(r => r.SignCounter).ToList();

        var answer = await phone.RespondAsync(response);

        Assert.True(answer.StatusCode == status, $"{answer.StatusCode}: {answer.Description}");
        Assert.False(string.IsNullOrEmpty(answer.Description));
        Assert.Null(answer.AdditionalTokens);
        var row = await RowAsync(id);
        Assert.Equal(expected, row.Status);
        Assert.Equal(before, row.Receipt);
        Assert.Equal(counters, (await phone.RegistrationsAsync()).Select(r => r.SignCounter).ToList());
    }
}

public sealed class UafConfirmationSqliteTests(FigiAuthServerFactory factory)
    : UafConfirmationTests(factory), IClassFixture<FigiAuthServerFactory>;

public sealed class UafConfirmationPostgresTests(PostgresServerFactory factory)
    : UafConfirmationTests(factory), IClassFixture<PostgresServerFactory>;

/// <summary>TC-11: a confirmation past its expiry (server clock) cannot be confirmed, even with a live UAF challenge.</summary>
public sealed class UafConfirmationExpiryTests(UafClockServerFactory factory) : IClassFixture<UafClockServerFactory>
{
    [Fact]
    public async Task Fails_With1491_WhenTheConfirmationExpiredBeforeTheAnswer()
    {
        var phone = new UafHarness(factory, null, AuthenticatorProfiles.P256RawSurrogate);
        await phone.RegisterAsync();
        var (id, _) = await factory.CreateConfirmationAsync(phone.Username, expiresInSeconds: 30);
        var response = await phone.AuthenticationResponseAsync(new { confirmationId = id });
        var counter = (await phone.RegistrationsAsync())[0].SignCounter;

        factory.Clock.Advance(TimeSpan.FromSeconds(31));
        var answer = await phone.RespondAsync(response);

        Assert.True(answer.StatusCode == 1491, $"{answer.StatusCode}: {answer.Description}");
        Assert.Contains("expired", answer.Description);
        Assert.Null(answer.AdditionalTokens);
        var row = await factory.WithDbAsync((db, _) => db.Confirmations.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.NotEqual(ConfirmationStatus.Confirmed, row.Status);
        Assert.Null(row.Receipt);
        Assert.Equal(counter, (await phone.RegistrationsAsync())[0].SignCounter);
    }
}
