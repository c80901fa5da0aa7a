using System.Security.Cryptography;
using System.Text;
using FigiAuth.Client.Authenticators;
using FigiAuth.Uaf.Encoding;
using FigiAuth.Uaf.Messages;

namespace FigiAuth.Client.Tests;

public sealed class TransactionAndPinTests
{
    private const string AppId = TestAuthenticators.AppId;
    private const string FcParams = TestAuthenticators.FcParams;

    private static async Task<(SoftwareAuthenticator Authenticator, string KeyId)> RegisteredAsync(TestAuthenticators test, AuthenticatorProfile profile)
    {
        var authenticator = test.Create(profile);
        var krd = IndependentVerifier.ParseRegistration(await authenticator.RegisterAsync(AppId, "alice", FcParams, TestContext.Current.CancellationToken)).Krd;
        return (authenticator, StrictBase64Url.Encode(krd.KeyId));
    }

    [Fact]
    public async Task TextTransaction_IsShown_AndItsHashSigned_WhenUserSaysYes()
    {
        var test = new TestAuthenticators();
        var (authenticator, keyId) = await RegisteredAsync(test, AuthenticatorProfiles.P256Raw);
        var text = "Send 500 KES to Bob";
        var transaction = new Transaction(Transaction.TextPlain, StrictBase64Url.Encode(Encoding.UTF8.GetBytes(text)));

        var signed = IndependentVerifier.ParseAuthentication(await authenticator.SignAsync(AppId, keyId, FcParams, transaction, TestContext.Current.CancellationToken));

        Assert.Equal(text, Assert.Single(test.Prompts).Text);
        Assert.Equal("alice", test.Prompts[0].Username);
        Assert.Equal(0x02, signed.Mode);
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(text)), signed.TcHash);
    }

    [Fact]
    public async Task PngTransaction_IsShownAsBytes_ToAPngProfile()
    {
        var test = new TestAuthenticators();
        var (authenticator, keyId) = await RegisteredAsync(test, AuthenticatorProfiles.P256Png);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
        var transaction = new Transaction(Transaction.ImagePng, StrictBase64Url.Encode(png));

        var signed = IndependentVerifier.ParseAuthentication(await authenticator.SignAsync(AppId, keyId, FcParams, transaction, TestContext.Current.CancellationToken));

        Assert.Equal(png, Assert.Single(test.Prompts).Png);
        Assert.Equal(SHA256.HashData(png), signed.TcHash);
    }

    [Fact]
    public async Task Transaction_FailsWithUserCancelled_AndSignsNothing_WhenUserSaysNo()
    {
        var test = new TestAuthenticators { Confirm = (_, _) => ValueTask.FromResult(false) };
        var (authenticator, keyId) = await RegisteredAsync(test, AuthenticatorProfiles.P256Raw);
        var transaction = new Transaction(Transaction.TextPlain, StrictBase64Url.Encode("Pay 1 USD"u8));

        var error = await Assert.ThrowsAsync<UafClientException>(() =>
            authenticator.SignAsync(AppId, keyId, FcParams, transaction, TestContext.Current.CancellationToken).AsTask());

        Assert.Equal(UafClientErrorCode.UserCancelled, error.ErrorCode);
        var key = Assert.Single(await test.Store.LoadAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0u, key.SignCounter);
    }

    [Fact]
    public async Task WrongPin_IsRefused_ThenLocksOut()
    {
        var attempts = 0;
        var verifier = new PinUserVerifier(TestAuthenticators.Pin, _ => ValueTask.FromResult<string?>(attempts++ < 3 ? "0000" : TestAuthenticators.Pin), maxAttempts: 3);
        var authenticator = new TestAuthenticators { Verifier = verifier }.Create(AuthenticatorProfiles.P256RawSurrogate);
        var ct = TestContext.Current.CancellationToken;

        var first = await Assert.ThrowsAsync<UafClientException>(() => authenticator.RegisterAsync(AppId, "alice", FcParams, ct).AsTask());
        await Assert.ThrowsAsync<UafClientException>(() => authenticator.RegisterAsync(AppId, "alice", FcParams, ct).AsTask());
        var third = await Assert.ThrowsAsync<UafClientException>(() => authenticator.RegisterAsync(AppId, "alice", FcParams, ct).AsTask());
        var afterLockout = await Assert.ThrowsAsync<UafClientException>(() => authenticator.RegisterAsync(AppId, "alice", FcParams, ct).AsTask());

        Assert.Equal(UafClientErrorCode.AuthenticatorAccessDenied, first.ErrorCode);
        Assert.Equal(UafClientErrorCode.UserLockout, third.ErrorCode);
        Assert.Equal(UafClientErrorCode.UserLockout, afterLockout.ErrorCode);
        Assert.True(verifier.IsLockedOut);
    }

    [Fact]
    public async Task RightPin_ResetsTheFailureCount()
    {
        var pins = new Queue<string>(["0000", TestAuthenticators.Pin]);
        var verifier = new PinUserVerifier(TestAuthenticators.Pin, _ => ValueTask.FromResult<string?>(pins.Dequeue()), maxAttempts: 3);
        var ct = TestContext.Current.CancellationToken;

        await Assert.ThrowsAsync<UafClientException>(() => verifier.VerifyAsync(ct).AsTask());
        await verifier.VerifyAsync(ct);

        Assert.Equal(3, verifier.RemainingAttempts);
    }
}
