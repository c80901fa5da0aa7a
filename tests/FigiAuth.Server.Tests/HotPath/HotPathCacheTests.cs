using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FigiAuth.Client.Authenticators;
using FigiAuth.Server.Admin;
using FigiAuth.Server.Data;
using FigiAuth.Server.HotPath;
using FigiAuth.Server.Tests.Infrastructure;
using FigiAuth.Server.Tests.Uaf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FigiAuth.Server.Tests.HotPath;

/// <summary>
/// The hot path answers reads from memory (HotPathCache); every test first makes it remember the user's registration with
/// an accepted authentication, then changes the row one way, and expects what an uncached server answers.
/// </summary>
public abstract class HotPathCacheTests(FigiAuthServerFactory factory)
{
    protected FigiAuthServerFactory Factory => factory;

    HotPathCache Cache => factory.Services.GetRequiredService<HotPathCache>();

    async Task<UafHarness> RememberedPhoneAsync(params AuthenticatorProfile[] profiles)
    {
        var phone = new UafHarness(factory, null, profiles);
        await phone.RegisterAsync();
        Assert.Equal(1200, (await phone.RespondAsync(await phone.AuthenticationResponseAsync())).StatusCode);
        return phone;
    }

    [Fact]
    public async Task Refuses_With1481_WhenAnAdministratorRevokedTheRememberedKey()
    {
        if (!Factory.EnsureAvailable()) return;
        var phone = await RememberedPhoneAsync();
        var id = (await phone.RegistrationsAsync())[0].Id;

        var revoke = await factory.CreateClientWithRoles("admin").PostAsJsonAsync($"/admin/v1/uaf-registrations/{id}/revoke", new RevokeRequest("lost"));

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(1481, (await phone.RespondAsync(await phone.AuthenticationResponseAsync())).StatusCode);
    }

    [Fact]
    public async Task Refuses_With1481_WhenTheRememberedKeyWasDeregistered()
    {
        if (!Factory.EnsureAvailable()) return;
        var phone = await RememberedPhoneAsync();
        var pending = await phone.AuthenticationResponseAsync();

        Assert.Equal(1, await phone.Client.DeregisterAsync(phone.Username));

        Assert.Equal(1481, (await phone.RespondAsync(pending)).StatusCode);
    }

    [Fact]
    public async Task Refuses_TheAnswer_WhenAnotherNodeRevokedTheKeyUnseen()
    {
        if (!Factory.EnsureAvailable()) return;
        var phone = await RememberedPhoneAsync();
        var before = (await phone.RegistrationsAsync())[0];
        // Another node's change is not seen by this process: revoke, then put back the row as this process last read it.
        await factory.WithDbAsync((db, _) => db.UafRegistrations.Where(r => r.Id == before.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, UafRegistrationStatus.Revoked)));
        await RememberStaleRowAsync(before);

        var answer = await phone.RespondAsync(await phone.AuthenticationResponseAsync());

        Assert.Equal(1498, answer.StatusCode);
        var row = (await phone.RegistrationsAsync())[0];
        Assert.Equal(UafRegistrationStatus.Revoked, row.Status);
        Assert.Equal(before.SignCounter, row.SignCounter);
    }

    /// <summary>Puts back a row as this process last read it (active, with its counter then), as if it never saw the change.</summary>
    async Task RememberStaleRowAsync(UafRegistration row)
    {
        var user = await factory.WithDbAsync((db, _) => db.Users.AsNoTracking().SingleAsync(u => u.Id == row.UserId));
        Cache.Registrations.TryAdd((row.AppId, row.Aaid, row.KeyId),
            new RegistrationRow(row.Id, row.UserId, user.UserName!, row.Aaid, row.KeyId, row.PublicKey, row.SignatureAlgorithm,
                row.PublicKeyEncoding, row.SignCounter, UafRegistrationStatus.Active),
            DateTimeOffset.UtcNow.AddMinutes(1), Cache.Registrations.Generation);
    }

    [Fact]
    public async Task UndoesEveryCounter_WhenOneOfSeveralAssertionsLosesItsCompareAndSet()
    {
        if (!Factory.EnsureAvailable()) return;
        var phone = new UafHarness(factory, null, AuthenticatorProfiles.P256RawSurrogate, AuthenticatorProfiles.P256Raw);
        await phone.RegisterAsync();
        await phone.RegisterAsync();
        var before = (await phone.RegistrationsAsync()).OrderBy(r => r.Aaid, StringComparer.Ordinal).ToList();
        Assert.Equal(2, before.Count);
        // Another node advanced the second key's counter far ahead; this process still holds both rows as it read them.
        await factory.WithDbAsync((db, _) => db.UafRegistrations.Where(r => r.Id == before[1].Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.SignCounter, 1_000_000L)));
        foreach (var row in before)
        {
            await RememberStaleRowAsync(row);
        }

        var answer = await phone.RespondAsync(await BothKeysAnswerAsync(phone, before));

        Assert.Equal(1498, answer.StatusCode);
        var after = (await phone.RegistrationsAsync()).OrderBy(r => r.Aaid, StringComparer.Ordinal).ToList();
        Assert.Equal(before[0].SignCounter, after[0].SignCounter);
        Assert.Equal(1_000_000L, after[1].SignCounter);
        Assert.All(after, r => Assert.Equal(UafRegistrationStatus.Active, r.Status));
        Assert.True(await factory.WithDbAsync((db, _) => db.AuditEvents.AnyAsync(a => a.UserId == before[0].UserId
            && a.Type == "uaf.auth.rejected" && a.StepId == "UAF-AUTH-20")));
    }

    /// <summary>An answer that signs with both keys: the request's policy asks for the two together.</summary>
    static Task<string> BothKeysAnswerAsync(UafHarness phone, IEnumerable<UafRegistration> rows) =>
        phone.AuthenticationResponseAsync(null, r => UafHarness.MutateRequest(r, m => m["policy"] = new JsonObject
        {
            ["accepted"] = new JsonArray(new JsonArray([.. rows.Select(x =>
                (JsonNode)new JsonObject { ["aaid"] = new JsonArray(x.Aaid), ["keyIDs"] = new JsonArray(x.KeyId) })])),
        }));

    [Fact]
    public async Task Offers_ANewKey_RegisteredAfterTheUserWasRemembered()
    {
        if (!Factory.EnsureAvailable()) return;
        var phone = await RememberedPhoneAsync();
        var second = new UafHarness(factory, phone.Username, AuthenticatorProfiles.P256Raw);
        Assert.DoesNotContain(AuthenticatorProfiles.P256Raw.Aaid, await phone.RequestAsync("Auth"), StringComparison.Ordinal);

        await second.RegisterAsync();
        var request = await second.RequestAsync("Auth");

        Assert.Equal(2, (await phone.RegistrationsAsync()).Count);
        foreach (var r in await phone.RegistrationsAsync())
        {
            // The policy names each usable key's AAID (UAF.md: keyIDs are left to the authenticator).
            Assert.Contains($"\"{r.Aaid}\"", request, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ForgetsTheChallenge_OnceAnswered()
    {
        if (!Factory.EnsureAvailable()) return;
        var phone = new UafHarness(factory);
        await phone.RegisterAsync();
        var response = await phone.AuthenticationResponseAsync();
        Assert.True(Cache.Challenges.TryGet(UafHarness.ChallengeOf(response), DateTimeOffset.UtcNow, out _));

        Assert.Equal(1200, (await phone.RespondAsync(response)).StatusCode);

        Assert.False(Cache.Challenges.TryGet(UafHarness.ChallengeOf(response), DateTimeOffset.UtcNow, out _));
        Assert.Equal(1491, (await phone.RespondAsync(response)).StatusCode);
    }

    [Fact]
    public async Task Accepts_AnAnswerWhoseChallengeThisProcessNoLongerHolds()
    {
        if (!Factory.EnsureAvailable()) return;
        var phone = await RememberedPhoneAsync();
        var response = await phone.AuthenticationResponseAsync();
        // As after a restart, or when another node issued it: the challenge and its policy are read from the database.
        await WaitUntilStoredAsync(phone, UafHarness.ChallengeOf(response));
        Assert.True(Cache.Challenges.TryTake(UafHarness.ChallengeOf(response), DateTimeOffset.UtcNow, out _));

        Assert.Equal(1200, (await phone.RespondAsync(response)).StatusCode);
        Assert.Equal(1491, (await phone.RespondAsync(response)).StatusCode);
    }

    /// <summary>On SQLite /get answers before its challenge row is committed (see the SQLite class below).</summary>
    static async Task WaitUntilStoredAsync(UafHarness phone, string challenge)
    {
        for (var attempt = 0; await phone.ChallengeAsync(challenge) is null; attempt++)
        {
            Assert.True(attempt < 100, "the challenge row was not stored");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task AdvancesTheRememberedCounter_AfterTheCommit()
    {
        if (!Factory.EnsureAvailable()) return;
        var phone = await RememberedPhoneAsync();
        var row = (await phone.RegistrationsAsync())[0];

        Assert.True(row.SignCounter > 0);
        Assert.True(Cache.Registrations.TryGet((row.AppId, row.Aaid, row.KeyId), DateTimeOffset.UtcNow, out var remembered));
        Assert.Equal(row.SignCounter, remembered.SignCounter);
    }
}

public sealed class HotPathCacheSqliteTests(FigiAuthServerFactory factory)
    : HotPathCacheTests(factory), IClassFixture<FigiAuthServerFactory>
{
    [Fact]
    public async Task AnswersGet_WithoutWaitingForTheWriter_AndTheAnswerConsumesTheRowStoredMeanwhile()
    {
        if (!Factory.EnsureAvailable()) return;
        var phone = new UafHarness(Factory);
        await phone.RegisterAsync();
        string response;
        using (HeldWriter.Hold(Factory.Services.GetRequiredService<HotPathDatabase>().Writer))
        {
            // The writer cannot commit now; /get still answers (one process owns SQLite, its writer keeps the order).
            var request = await phone.RequestAsync("Auth").WaitAsync(TimeSpan.FromSeconds(10));
            response = await phone.Client.CreateAuthenticationResponseAsync(request);
            Assert.Null(await phone.ChallengeAsync(UafHarness.ChallengeOf(response)));
        }

        Assert.Equal(1200, (await phone.RespondAsync(response)).StatusCode);
        Assert.NotNull((await phone.ChallengeAsync(UafHarness.ChallengeOf(response)))?.ConsumedAt);
    }
}

public sealed class HotPathCachePostgresTests(PostgresServerFactory factory)
    : HotPathCacheTests(factory), IClassFixture<PostgresServerFactory>
{
    [Fact]
    public async Task AnswersGet_AfterTheChallengeRowIsCommitted()
    {
        if (!Factory.EnsureAvailable()) return;
        var phone = new UafHarness(Factory);
        await phone.RegisterAsync();

        var response = await phone.AuthenticationResponseAsync();

        // Another node may receive the answer: the row is there as soon as the request is.
        var row = await phone.ChallengeAsync(UafHarness.ChallengeOf(response));
        Assert.NotNull(row);
        Assert.Null(row.ConsumedAt);
    }
}
