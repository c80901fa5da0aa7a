using System.Text;
using System.Text.Json.Nodes;
using FigiAuth.Client.Authenticators;
using FigiAuth.Client.Development;
using FigiAuth.Server.Data;
using FigiAuth.Server.Tests.Infrastructure;
using FigiAuth.Server.Uaf;
using FigiAuth.Uaf.Encoding;
using FigiAuth.Uaf.Metadata;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FigiAuth.Server.Tests.Uaf;

/// <summary>
/// UAF.md §8 rejections through HTTP (Detailed profile): each asserts the status code and what must not change
/// (DB∅: no registration row; counter unchanged; CH✓: the challenge is consumed when it could be read).
/// </summary>
public sealed class UafRejectionTests(FigiAuthServerFactory factory) : IClassFixture<FigiAuthServerFactory>
{
    async Task AssertRegistrationRejectedAsync(UafHarness phone, string response, int status, bool challengeConsumed = true)
    {
        var answer = await phone.RespondAsync(response);

        Assert.True(answer.StatusCode == status, $"{answer.StatusCode}: {answer.Description}");
        Assert.False(string.IsNullOrEmpty(answer.Description));
        Assert.Empty(await phone.RegistrationsAsync());
        var challenge = await phone.ChallengeAsync(UafHarness.ChallengeOf(response));
        Assert.Equal(challengeConsumed, challenge?.ConsumedAt is not null);
    }

    [Fact]
    public async Task Fails_With1498_WhenHeaderOpIsNotRegOrAuth()
    {
        var phone = new UafHarness(factory);
        var response = UafHarness.Mutate(await phone.RegistrationResponseAsync(), m => m["header"]!["op"] = "Dereg");

        await AssertRegistrationRejectedAsync(phone, response, 1498, challengeConsumed: false);
    }

    [Fact]
    public async Task Fails_With1498_WhenUpvIsRepeated()
    {
        var phone = new UafHarness(factory);
        var valid = await phone.RegistrationResponseAsync();
        var array = JsonNode.Parse(valid)!.AsArray();
        array.Add(array[0]!.DeepClone());

        await AssertRegistrationRejectedAsync(phone, array.ToJsonString(), 1498, challengeConsumed: false);
    }

    [Fact]
    public async Task Fails_With1498_WhenAssertionIsNotStrictBase64Url()
    {
        var phone = new UafHarness(factory);
        var response = UafHarness.Mutate(await phone.RegistrationResponseAsync(),
            m => m["assertions"]![0]!["assertion"] = m["assertions"]![0]!["assertion"]!.GetValue<string>() + "=");

        // UAF-REG-02 runs before the challenge is read: the challenge stays answerable.
        await AssertRegistrationRejectedAsync(phone, response, 1498, challengeConsumed: false);
    }

    [Fact]
    public async Task Fails_With1491_WhenChallengeIsUnknown()
    {
        var phone = new UafHarness(factory);
        var valid = await phone.RegistrationResponseAsync();
        var response = UafHarness.MutateFcParams(valid, f => f["challenge"] = UafRequestBuilderChallenge());

        await AssertRegistrationRejectedAsync(phone, response, 1491, challengeConsumed: false);
        Assert.Null((await phone.ChallengeAsync(UafHarness.ChallengeOf(valid)))!.ConsumedAt);
    }

    [Fact]
    public async Task Fails_With1491_WhenChallengeIsReused()
    {
        var phone = new UafHarness(factory);
        var response = await phone.RegistrationResponseAsync();
        Assert.Equal(1200, (await phone.RespondAsync(response)).StatusCode);

        var again = await phone.RespondAsync(response);

        Assert.Equal(1491, again.StatusCode);
        Assert.Single(await phone.RegistrationsAsync());
    }

    [Fact]
    public async Task Fails_With1498_WhenFcParamsAppIdIsNotOurs()
    {
        var phone = new UafHarness(factory);
        var response = UafHarness.MutateFcParams(await phone.RegistrationResponseAsync(), f => f["appID"] = "https://evil.example/uaf/v1/facets");

        await AssertRegistrationRejectedAsync(phone, response, 1498);
    }

    [Fact]
    public async Task Fails_With1498_WhenFacetIsNotTrusted()
    {
        var phone = new UafHarness(factory);
        var response = UafHarness.MutateFcParams(await phone.RegistrationResponseAsync(), f => f["facetID"] = "https://evil.example");

        await AssertRegistrationRejectedAsync(phone, response, 1498);
    }

    [Fact]
    public async Task Fails_With1498_WhenFinalChallengeHashDoesNotMatch()
    {
        var phone = new UafHarness(factory);
        // Same members, another order: fcParams bytes differ from what the authenticator hashed.
        var response = UafHarness.MutateFcParams(await phone.RegistrationResponseAsync(), f =>
        {
            var appId = f["appID"]!.GetValue<string>();
            f.Remove("appID");
            f["appID"] = appId;
        });

        await AssertRegistrationRejectedAsync(phone, response, 1498);
    }

    [Fact]
    public async Task Fails_With1480_WhenAaidHasNoMetadata()
    {
        var unknown = AuthenticatorProfiles.P256RawSurrogate with { Aaid = "F1D0#0999" };
        var phone = new UafHarness(factory, null, unknown);
        var response = await phone.RegistrationResponseAsync(r => AcceptOnly(r, unknown.Aaid));

        await AssertRegistrationRejectedAsync(phone, response, 1480);
    }

    [Fact]
    public async Task Fails_With1492_WhenAaidIsNotInTheIssuedPolicy()
    {
        var admin = factory.CreateClientWithRoles("admin");
        var statement = await File.ReadAllTextAsync(Path.Combine(UafHarness.RepositoryRoot, "samples", "attestation", "metadata", "F1D0-0003.json"));
        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await admin.DeleteAsync("/admin/v1/metadata/statements/F1D0%230003")).StatusCode);
        var phone = new UafHarness(factory, null, AuthenticatorProfiles.RsaPssRaw);
        string response;
        try
        {
            response = await phone.RegistrationResponseAsync(r => AcceptOnly(r, "F1D0#0003"));
        }
        finally
        {
            (await admin.PostAsync("/admin/v1/metadata/statements", new StringContent(statement, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        }

        await AssertRegistrationRejectedAsync(phone, response, 1492);
    }

    [Fact]
    public async Task Fails_With1493_WhenModelIsRevoked()
    {
        var metadata = factory.Services.GetRequiredService<UafMetadata>();
        var before = metadata.All.ToList();
        var phone = new UafHarness(factory, null, AuthenticatorProfiles.P256RawSurrogate);
        metadata.ReplaceLocal(before.Select(e => e.Statement.Aaid == "F1D0#0101"
            ? e with { StatusReports = [new StatusReport(AuthenticatorStatus.Revoked)] } : e));
        try
        {
            var request = await phone.RequestAsync("Reg");
            Assert.Contains("F1D0#0101", JsonNode.Parse(request)![0]!["policy"]!["disallowed"]!.ToJsonString());
            var response = await phone.Client.CreateRegistrationResponseAsync(AcceptOnly(request, "F1D0#0101"));

            await AssertRegistrationRejectedAsync(phone, response, 1493);
        }
        finally
        {
            metadata.ReplaceLocal(before);
        }
    }

    [Fact]
    public async Task Fails_With1496_WhenAttestationDoesNotChainToTheMetadataRoot()
    {
        using var otherCa = DevAttestationCa.Create([AuthenticatorProfiles.P256Raw]);
        var phone = new UafHarness(factory);
        var rogue = UafHarness.NewAuthenticator(AuthenticatorProfiles.P256Raw, phone.Store, otherCa.SignerFor("F1D0#0001"));
        var client = new FigiAuth.Client.UafClient(new FigiAuth.Client.Http.UafHttpClient(factory.CreateClient()), [rogue], phone.Client.Options);
        var response = await client.CreateRegistrationResponseAsync(await phone.RequestAsync("Reg"));

        await AssertRegistrationRejectedAsync(phone, response, 1496);
    }

    // ---- authentication ----

    [Fact]
    public async Task Fails_With1481_WhenKeyIdIsNotRegistered()
    {
        var phone = new UafHarness(factory);
        _ = await phone.RegistrationResponseAsync(); // the phone keeps the key; the server never sees the response

        var response = await phone.AuthenticationResponseAsync();
        var answer = await phone.RespondAsync(response);

        Assert.Equal(1481, answer.StatusCode);
        Assert.NotNull((await phone.ChallengeAsync(UafHarness.ChallengeOf(response)))!.ConsumedAt);
    }

    [Fact]
    public async Task Fails_With1498_WhenSignatureIsWrong_AndCounterIsUnchanged()
    {
        var phone = new UafHarness(factory);
        await phone.RegisterAsync();
        var counter = (await phone.RegistrationsAsync())[0].SignCounter;
        var response = UafHarness.MutateAssertion(await phone.AuthenticationResponseAsync(), b => b[^1] ^= 0x01);

        await AssertAuthenticationRejectedAsync(phone, response, 1498, counter);
    }

    [Fact]
    public async Task Fails_With1498_WhenCounterRegresses_AndRegistrationBecomesSuspect()
    {
        var phone = new UafHarness(factory);
        await phone.RegisterAsync();
        var older = await phone.AuthenticationResponseAsync();
        var newer = await phone.AuthenticationResponseAsync();
        Assert.Equal(1200, (await phone.RespondAsync(newer)).StatusCode);
        var counter = (await phone.RegistrationsAsync())[0].SignCounter;

        await AssertAuthenticationRejectedAsync(phone, older, 1498, counter);

        var row = (await phone.RegistrationsAsync())[0];
        Assert.Equal(UafRegistrationStatus.Suspect, row.Status);
        Assert.True(await factory.WithDbAsync((db, _) => db.AuditEvents.AnyAsync(a => a.Type == "uaf.registration.suspect" && a.UserId == row.UserId)));
        Assert.Equal(1403, (await phone.RespondAsync(await phone.AuthenticationResponseAsync())).StatusCode);
    }

    [Fact]
    public async Task Fails_With1498_WhenTransactionHashDoesNotMatch()
    {
        var phone = new UafHarness(factory);
        await phone.RegisterAsync();
        var counter = (await phone.RegistrationsAsync())[0].SignCounter;
        var response = await phone.AuthenticationResponseAsync(new { transaction = "Send 5 KES to Bob" },
            r => UafHarness.MutateRequest(r, m => m["transaction"]![0]!["content"] = Text("Send 5000 KES to Eve")));

        await AssertAuthenticationRejectedAsync(phone, response, 1498, counter);
    }

    [Fact]
    public async Task Fails_With1498_WhenTransactionAssertionAnswersPlainAuthentication()
    {
        var phone = new UafHarness(factory);
        await phone.RegisterAsync();
        var counter = (await phone.RegistrationsAsync())[0].SignCounter;
        var response = await phone.AuthenticationResponseAsync(null, r => UafHarness.MutateRequest(r,
            m => m["transaction"] = new JsonArray(new JsonObject { ["contentType"] = "text/plain", ["content"] = Text("Pay 1 KES") })));

        await AssertAuthenticationRejectedAsync(phone, response, 1498, counter);
    }

    [Fact]
    public async Task Fails_With1498_WhenPlainAssertionAnswersTransaction()
    {
        var phone = new UafHarness(factory);
        await phone.RegisterAsync();
        var counter = (await phone.RegistrationsAsync())[0].SignCounter;
        var response = await phone.AuthenticationResponseAsync(new { transaction = "Send 5 KES to Bob" },
            r => UafHarness.MutateRequest(r, m => m.Remove("transaction")));

        await AssertAuthenticationRejectedAsync(phone, response, 1498, counter);
    }

    [Fact]
    public async Task Fails_With1491_WhenRegistrationChallengeAnswersAuthentication()
    {
        var phone = new UafHarness(factory);
        await phone.RegisterAsync();
        var counter = (await phone.RegistrationsAsync())[0].SignCounter;
        var regRequest = await phone.RequestAsync("Reg");
        var challenge = JsonNode.Parse(regRequest)![0]!["challenge"]!.GetValue<string>();
        var response = await phone.AuthenticationResponseAsync(null, r => UafHarness.MutateRequest(r, m => m["challenge"] = challenge));

        await AssertAuthenticationRejectedAsync(phone, response, 1491, counter);
    }

    async Task AssertAuthenticationRejectedAsync(UafHarness phone, string response, int status, long counter)
    {
        var answer = await phone.RespondAsync(response);

        Assert.True(answer.StatusCode == status, $"{answer.StatusCode}: {answer.Description}");
        Assert.Null(answer.AdditionalTokens);
        Assert.Equal(counter, (await phone.RegistrationsAsync())[0].SignCounter);
    }

    static string Text(string text) => StrictBase64Url.Encode(Encoding.UTF8.GetBytes(text));

    static string UafRequestBuilderChallenge() => FigiAuth.Uaf.Requests.UafRequestBuilder.NewChallenge(DateTimeOffset.UtcNow.AddMinutes(5));

    static string AcceptOnly(string uafRequest, string aaid) => UafHarness.MutateRequest(uafRequest, m =>
    {
        m["policy"] = new JsonObject { ["accepted"] = new JsonArray(new JsonArray(new JsonObject { ["aaid"] = new JsonArray(aaid) })) };
    });
}
