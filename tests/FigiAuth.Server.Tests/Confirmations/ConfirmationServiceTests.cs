using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using FigiAuth.Server.Audit;
using FigiAuth.Server.Ceremonies;
using FigiAuth.Server.Confirmations;
using FigiAuth.Server.Data;
using FigiAuth.Server.Hosting;
using FigiAuth.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FigiAuth.Server.Tests.Confirmations;

/// <summary>
/// The answering seam (SECURITY.md §4.4, D1, D5): only the hash of the server's display text confirms, once,
/// before expiry, for the right user; the receipt verifies against the JWKS; state and audit commit together.
/// </summary>
public abstract class ConfirmationServiceTests(FigiAuthServerFactory factory)
{
    static readonly byte[] Assertion = [0x3E, 0x02, 0x01, 0x02];
    readonly FakeTimeProvider time = new(DateTimeOffset.UtcNow);

    Task<T> WithServiceAsync<T>(Func<ConfirmationService, FigiAuthDbContext, Task<T>> work) =>
        factory.WithDbAsync((db, sp) =>
        {
            var server = sp.GetRequiredService<IOptions<FigiAuthOptions>>();
            var service = new ConfirmationService(db, sp.GetRequiredService<AuditLog>(), sp.GetRequiredService<ReceiptIssuer>(),
                new ChallengeStore(db, time, server), time, server, sp.GetRequiredService<IOptions<ConfirmationOptions>>());
            return work(service, db);
        });

    async Task<Confirmation> CreateAsync(Guid? userId = null)
    {
        var user = userId ?? (await factory.AddUserAsync()).Id;
        return (await WithServiceAsync((s, _) => s.CreateAsync(new NewConfirmation(user, "dfs-test",
            150000, 2, "KES", "Mama Mboga Shop", "+254700000001", TimeSpan.FromMinutes(5), null))))!;
    }

    Task<ConfirmationResult<ConfirmationReceipt>> CompleteAsync(Confirmation c, byte[]? hash = null, Guid? userId = null) =>
        WithServiceAsync((s, db) => s.CompleteAsync(c.Id, userId ?? c.UserId, ConfirmationMethod.Uaf, "ABCD#0001",
            hash ?? c.DisplayTextHash, Assertion, db));

    Task<Confirmation> ReadAsync(string id) =>
        factory.WithDbAsync((db, _) => db.Confirmations.AsNoTracking().SingleAsync(c => c.Id == id));

    [Fact]
    public async Task Succeeds_WhenUafContentIsTheExactDisplayText()
    {
        if (!factory.EnsureAvailable()) return;
        var c = await CreateAsync();

        var prepared = await WithServiceAsync((s, _) => s.PrepareForUafAsync(c.Id, c.UserId));

        Assert.True(prepared.Succeeded);
        Assert.Equal(c.DisplayText, prepared.Value.Text);
        Assert.Equal(c.DisplayText, Encoding.UTF8.GetString(Base64Url.DecodeFromChars(prepared.Value.ContentBase64Url)));
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(c.DisplayText)), prepared.Value.ContentHash);
    }

    [Fact]
    public async Task Succeeds_WhenRightHashConfirms_AndReceiptValidatesAgainstJwks()
    {
        if (!factory.EnsureAvailable()) return;
        var c = await CreateAsync();

        var result = await CompleteAsync(c);
        var stored = await ReadAsync(c.Id);
        var validation = await ValidateReceiptAsync(result.Value!.Receipt);

        Assert.True(result.Succeeded);
        Assert.Equal(ConfirmationStatus.Confirmed, stored.Status);
        Assert.Equal(result.Value.Receipt, stored.Receipt);
        Assert.Equal(Assertion, stored.SignedAssertion);
        Assert.Equal("ABCD#0001", stored.Authenticator);
        Assert.True(validation.IsValid, validation.Exception?.Message);
        var jwt = (JsonWebToken)validation.SecurityToken;
        Assert.Equal(ReceiptIssuer.TokenType, jwt.Typ);
        Assert.False(string.IsNullOrEmpty(jwt.Kid));
        Assert.Equal(c.UserId.ToString("D"), jwt.Subject);
        Assert.Equal(c.Id, jwt.GetClaim("confirmation_id").Value);
        Assert.Equal(Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(c.DisplayText))), jwt.GetClaim("display_hash").Value);
        Assert.Equal("1500.00", jwt.GetClaim("amount").Value);
        Assert.Equal("KES", jwt.GetClaim("currency").Value);
        Assert.Equal("ABCD#0001", jwt.GetClaim("authenticator").Value);
        Assert.Equal("uaf", jwt.GetClaim("method").Value);
        Assert.Contains("Mama Mboga Shop", jwt.GetPayloadValue<System.Text.Json.JsonElement>("payee").GetRawText());
        Assert.True(jwt.TryGetPayloadValue<long>("confirmed_at", out _));
    }

    [Fact]
    public async Task Fails_WhenReceiptIsTampered()
    {
        if (!factory.EnsureAvailable()) return;
        var c = await CreateAsync();
        var receipt = (await CompleteAsync(c)).Value!.Receipt;
        var parts = receipt.Split('.');
        var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1])).Replace("\"1500.00\"", "\"9500.00\"");
        var tampered = $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}.{parts[2]}";

        var validation = await ValidateReceiptAsync(tampered);

        Assert.Contains("9500.00", payload);
        Assert.False(validation.IsValid);
    }

    [Fact]
    public async Task Fails_WithContentMismatch_WhenHashIsOfOtherText_AndStaysPending()
    {
        if (!factory.EnsureAvailable()) return;
        var c = await CreateAsync();
        var utf16 = SHA256.HashData(Encoding.Unicode.GetBytes(c.DisplayText));

        var result = await CompleteAsync(c, utf16);

        Assert.Equal(ConfirmationFailureReason.ContentMismatch, result.Failure?.Reason);
        Assert.Equal(ConfirmationStatus.Pending, (await ReadAsync(c.Id)).Status);
    }

    [Fact]
    public async Task Fails_WithExpired_WhenAnsweredAfterExpiry()
    {
        if (!factory.EnsureAvailable()) return;
        var c = await CreateAsync();
        time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        var prepared = await WithServiceAsync((s, _) => s.PrepareForUafAsync(c.Id, c.UserId));
        var result = await CompleteAsync(c);

        Assert.Equal(ConfirmationFailureReason.Expired, prepared.Failure?.Reason);
        Assert.Equal(ConfirmationFailureReason.Expired, result.Failure?.Reason);
        Assert.Equal(ConfirmationStatus.Pending, (await ReadAsync(c.Id)).Status);
    }

    [Fact]
    public async Task Succeeds_WhenSweepMarksExpired_WithAuditEvent()
    {
        if (!factory.EnsureAvailable()) return;
        var c = await CreateAsync();
        time.Advance(TimeSpan.FromMinutes(6));

        await WithServiceAsync((s, _) => s.ExpireDueAsync());
        var events = await factory.WithDbAsync((db, _) => db.AuditEvents.CountAsync(a => a.Subject == c.Id && a.Type == "confirmation.expired"));

        Assert.Equal(ConfirmationStatus.Expired, (await ReadAsync(c.Id)).Status);
        Assert.Equal(1, events);
    }

    [Fact]
    public async Task Fails_WithCancelled_WhenClientCancelledFirst()
    {
        if (!factory.EnsureAvailable()) return;
        var c = await CreateAsync();
        await WithServiceAsync((s, _) => s.CancelAsync(c.Id, "dfs-test"));

        var result = await CompleteAsync(c);

        Assert.Equal(ConfirmationFailureReason.Cancelled, result.Failure?.Reason);
        Assert.Equal(ConfirmationStatus.Cancelled, (await ReadAsync(c.Id)).Status);
    }

    [Fact]
    public async Task Fails_WithAlreadyAnswered_WhenConfirmedTwice()
    {
        if (!factory.EnsureAvailable()) return;
        var c = await CreateAsync();
        var first = await CompleteAsync(c);

        var second = await CompleteAsync(c);

        Assert.True(first.Succeeded);
        Assert.Equal(ConfirmationFailureReason.AlreadyAnswered, second.Failure?.Reason);
        Assert.Equal(first.Value!.Receipt, (await ReadAsync(c.Id)).Receipt);
    }

    [Fact]
    public async Task Fails_WithNotFound_WhenAnotherUserAnswers()
    {
        if (!factory.EnsureAvailable()) return;
        var c = await CreateAsync();
        var mallory = (await factory.AddUserAsync()).Id;

        var prepared = await WithServiceAsync((s, _) => s.PrepareForUafAsync(c.Id, mallory));
        var result = await CompleteAsync(c, userId: mallory);

        Assert.Equal(ConfirmationFailureReason.NotFound, prepared.Failure?.Reason);
        Assert.Equal(ConfirmationFailureReason.NotFound, result.Failure?.Reason);
        Assert.Equal(ConfirmationStatus.Pending, (await ReadAsync(c.Id)).Status);
    }

    [Fact]
    public async Task Succeeds_WhenOnlyOneOf10ParallelAnswersConfirms()
    {
        if (!factory.EnsureAvailable()) return;
        var c = await CreateAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => WithServiceAsync(async (s, db) =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var r = await s.CompleteAsync(c.Id, c.UserId, ConfirmationMethod.Uaf, "ABCD#0001", c.DisplayTextHash, Assertion, db);
            await transaction.CommitAsync();
            return r;
        }))));
        var confirmedEvents = await factory.WithDbAsync((db, _) => db.AuditEvents.CountAsync(a => a.Subject == c.Id && a.Type == "confirmation.confirmed"));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(ConfirmationFailureReason.AlreadyAnswered, r.Failure!.Reason));
        Assert.Equal(1, confirmedEvents);
        Assert.True((await factory.WithDbAsync((_, sp) => sp.GetRequiredService<AuditChainVerifier>().VerifyAsync())).Valid);
    }

    [Fact]
    public async Task Succeeds_WhenCommittedConfirmationHasItsAuditEvent_AndRollbackKeepsNeither()
    {
        if (!factory.EnsureAvailable()) return;
        var rolledBack = await CreateAsync();
        var committed = await CreateAsync();

        foreach (var (c, commit) in new[] { (rolledBack, false), (committed, true) })
        {
            await WithServiceAsync(async (s, db) =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                var r = await s.CompleteAsync(c.Id, c.UserId, ConfirmationMethod.Uaf, "ABCD#0001", c.DisplayTextHash, Assertion, db);
                Assert.True(r.Succeeded);
                await (commit ? transaction.CommitAsync() : transaction.RollbackAsync());
                return 0;
            });
        }

        var events = await factory.WithDbAsync(async (db, _) => (
            await db.AuditEvents.CountAsync(a => a.Subject == rolledBack.Id && a.Type == "confirmation.confirmed"),
            await db.AuditEvents.CountAsync(a => a.Subject == committed.Id && a.Type == "confirmation.confirmed")));

        Assert.Equal(ConfirmationStatus.Pending, (await ReadAsync(rolledBack.Id)).Status);
        Assert.Null((await ReadAsync(rolledBack.Id)).Receipt);
        Assert.Equal(0, events.Item1);
        Assert.Equal(ConfirmationStatus.Confirmed, (await ReadAsync(committed.Id)).Status);
        Assert.Equal(1, events.Item2);
    }

    [Fact]
    public async Task Succeeds_WhenPasskeyChallengeIsBoundToDisplayTextAndNonce_AndUsableOnce()
    {
        if (!factory.EnsureAvailable()) return;
        var c = await CreateAsync();
        var issued = (await WithServiceAsync((s, _) => s.ChallengeForPasskeyAsync(c.Id, c.UserId))).Value!;

        var binding = await WithServiceAsync((s, _) => s.VerifyPasskeyChallengeAsync(c.Id, c.UserId, issued.Challenge));
        var replay = await WithServiceAsync((s, _) => s.VerifyPasskeyChallengeAsync(c.Id, c.UserId, issued.Challenge));
        var completed = await WithServiceAsync((s, db) => s.CompleteAsync(c.Id, c.UserId, ConfirmationMethod.Passkey,
            "00000000-0000-0000-0000-000000000001", binding.Value!.DisplayTextHash, Assertion, db));

        Assert.Equal(32, issued.Challenge.Length);
        Assert.NotEqual(c.DisplayTextHash, issued.Challenge);
        Assert.Equal(c.DisplayText, issued.DisplayText);
        Assert.True(binding.Succeeded);
        Assert.Equal(ConfirmationFailureReason.ChallengeInvalid, replay.Failure?.Reason);
        Assert.True(completed.Succeeded);
    }

    [Fact]
    public async Task Fails_WithChallengeInvalid_WhenPasskeyChallengeIsForAnotherConfirmationOrUser()
    {
        if (!factory.EnsureAvailable()) return;
        var a = await CreateAsync();
        var b = await CreateAsync(a.UserId);
        var forA = (await WithServiceAsync((s, _) => s.ChallengeForPasskeyAsync(a.Id, a.UserId))).Value!;
        var forA2 = (await WithServiceAsync((s, _) => s.ChallengeForPasskeyAsync(a.Id, a.UserId))).Value!;

        var usedForB = await WithServiceAsync((s, _) => s.VerifyPasskeyChallengeAsync(b.Id, b.UserId, forA.Challenge));
        var otherUser = await WithServiceAsync((s, _) => s.VerifyPasskeyChallengeAsync(a.Id, Guid.NewGuid(), forA2.Challenge));

        Assert.Equal(ConfirmationFailureReason.ChallengeInvalid, usedForB.Failure?.Reason);
        Assert.Equal(ConfirmationFailureReason.ChallengeInvalid, otherUser.Failure?.Reason);
        Assert.NotEqual(forA.Challenge, forA2.Challenge);
    }

    async Task<TokenValidationResult> ValidateReceiptAsync(string receipt)
    {
        var jwks = await factory.CreateClient().GetStringAsync("/.well-known/jwks.json");
        var origin = factory.Services.GetRequiredService<IOptions<FigiAuthOptions>>().Value.PublicOrigin;
        return await new JsonWebTokenHandler().ValidateTokenAsync(receipt, new TokenValidationParameters
        {
            ValidIssuer = origin,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
            ValidTypes = [ReceiptIssuer.TokenType],
            ValidAlgorithms = ["ES256"],
            IssuerSigningKeys = new JsonWebKeySet(jwks).GetSigningKeys(),
        });
    }
}
