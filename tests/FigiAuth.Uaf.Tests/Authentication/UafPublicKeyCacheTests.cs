using System.Security.Cryptography;
using FigiAuth.Uaf.Algorithms;
using FigiAuth.Uaf.Tests.Support;
using FigiAuth.Uaf.Verification;

namespace FigiAuth.Uaf.Tests.Authentication;

public sealed class UafPublicKeyCacheTests
{
    private static StoredUafRegistration For(UafTestAuthenticator a) => new("u", "alice", a.Aaid, a.KeyIdBase64Url, a.PublicKey,
        UafSignatureAlgorithm.Secp256r1EcdsaSha256Raw, UafPublicKeyEncoding.EccX962Raw, 0, UafRegistrationStatus.Active);

    [Fact]
    public void Succeeds_ForParallelVerification_WithinItsBound()
    {
        var cache = new UafPublicKeyCache(capacity: 4);
        var authenticators = Enumerable.Range(0, 8).Select(_ => new UafTestAuthenticator()).ToArray();
        var data = "signed"u8.ToArray();
        Parallel.For(0, 200, i =>
        {
            var a = authenticators[i % authenticators.Length];
            Assert.True(Expect.Success(cache.Verify(For(a), data, a.Key.SignData(data, HashAlgorithmName.SHA256), UafSteps.Auth18)));
        });
        Assert.InRange(cache.Count, 1, 4);
    }

    [Fact]
    public void Fails_ForAnotherKeyUnderTheSameKeyId()
    {
        // Same (AAID, KeyID), different key bytes: a separate cache entry, never the stale key.
        var cache = new UafPublicKeyCache();
        var a = new UafTestAuthenticator();
        var data = "signed"u8.ToArray();
        Assert.True(Expect.Success(cache.Verify(For(a), data, a.Key.SignData(data, HashAlgorithmName.SHA256), UafSteps.Auth18)));
        var impostor = new UafTestAuthenticator { KeyId = a.KeyId };
        Assert.False(Expect.Success(cache.Verify(For(impostor), data, a.Key.SignData(data, HashAlgorithmName.SHA256), UafSteps.Auth18)));
    }

    [Fact]
    public void Fails_With1494_WhenStoredKeyDoesNotImport()
    {
        var a = new UafTestAuthenticator();
        var broken = For(a) with { PublicKey = [0x04, 1, 2] };
        Expect.Failure(new UafPublicKeyCache().Verify(broken, [1], [1], UafSteps.Auth18), UafStatusCode.UnacceptableKey, UafSteps.Auth18);
    }
}
