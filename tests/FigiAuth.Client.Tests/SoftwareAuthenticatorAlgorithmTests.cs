using System.Security.Cryptography;
using System.Text;
using FigiAuth.Client.Authenticators;
using FigiAuth.Uaf.Algorithms;
using FigiAuth.Uaf.Encoding;
using FigiAuth.Uaf.Tlv;

namespace FigiAuth.Client.Tests;

public sealed class SoftwareAuthenticatorAlgorithmTests
{
    private const string AppId = TestAuthenticators.AppId;
    private const string FcParams = TestAuthenticators.FcParams;

    public static TheoryData<string> Aaids => [.. AuthenticatorProfiles.All.Select(p => p.Aaid)];

    [Theory]
    [MemberData(nameof(Aaids))]
    public async Task Registration_Succeeds_AndVerifiesIndependently_ForEveryProfile(string aaid)
    {
        var profile = AuthenticatorProfiles.Find(aaid)!;
        var authenticator = new TestAuthenticators().Create(profile);

        var registration = IndependentVerifier.ParseRegistration(await authenticator.RegisterAsync(AppId, "alice", FcParams, TestContext.Current.CancellationToken));

        var krd = registration.Krd;
        Assert.Equal(aaid, krd.Aaid);
        Assert.Equal(0x01, krd.Info[2]);
        Assert.Equal((ushort)profile.KeyEncoding, krd.KeyEncoding);
        Assert.Equal(IndependentVerifier.ChallengeHash(profile.Algorithm, Encoding.ASCII.GetBytes(FcParams)), krd.Fch);
        Assert.Equal(32, krd.KeyId.Length);
        Assert.Equal(0u, krd.SignCounter);
        Assert.Equal(1u, krd.RegCounter);
        if (profile.Attestation == UafAttestationType.BasicSurrogate)
        {
            Assert.Equal(UafTag.AttestationBasicSurrogate, registration.AttestationTag);
            Assert.Equal((ushort)profile.Algorithm, krd.AttestationAlgorithm);
            Assert.Empty(registration.Certificates);
            Assert.True(IndependentVerifier.Verify(profile.Algorithm, profile.KeyEncoding, krd.PublicKey, krd.Raw, registration.Signature));
        }
        else
        {
            Assert.Equal(UafTag.AttestationBasicFull, registration.AttestationTag);
            var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(registration.Certificates[0]);
            var attestationAlgorithm = (UafSignatureAlgorithm)krd.AttestationAlgorithm;
            Assert.True(IndependentVerifier.Verify(attestationAlgorithm, UafPublicKeyEncoding.EccX962Der,
                certificate.PublicKey.ExportSubjectPublicKeyInfo(), krd.Raw, registration.Signature));
            Assert.True(IndependentVerifier.ChainsTo(registration.Certificates, TestAuthenticators.Ca.Root));
            var aaidExtension = certificate.Extensions[Development.DevAttestationCa.AaidExtensionOid];
            Assert.NotNull(aaidExtension);
            Assert.Equal(aaid, Encoding.ASCII.GetString(aaidExtension.RawData[2..]));
        }
    }

    [Theory]
    [MemberData(nameof(Aaids))]
    public async Task Authentication_Succeeds_AndVerifiesIndependently_ForEveryProfile(string aaid)
    {
        var profile = AuthenticatorProfiles.Find(aaid)!;
        var authenticator = new TestAuthenticators().Create(profile);
        var ct = TestContext.Current.CancellationToken;
        var krd = IndependentVerifier.ParseRegistration(await authenticator.RegisterAsync(AppId, "alice", FcParams, ct)).Krd;
        var keyId = StrictBase64Url.Encode(krd.KeyId);

        var first = IndependentVerifier.ParseAuthentication(await authenticator.SignAsync(AppId, keyId, FcParams, null, ct));
        var second = IndependentVerifier.ParseAuthentication(await authenticator.SignAsync(AppId, keyId, FcParams, null, ct));

        Assert.Equal(aaid, first.Aaid);
        Assert.Equal(0x01, first.Mode);
        Assert.Equal((ushort)profile.Algorithm, first.Algorithm);
        Assert.True(first.Nonce.Length >= 8);
        Assert.Empty(first.TcHash);
        Assert.Equal(krd.KeyId, first.KeyId);
        Assert.Equal(IndependentVerifier.ChallengeHash(profile.Algorithm, Encoding.ASCII.GetBytes(FcParams)), first.Fch);
        Assert.True(IndependentVerifier.Verify(profile.Algorithm, profile.KeyEncoding, krd.PublicKey, first.Raw, first.Signature));
        Assert.True(IndependentVerifier.Verify(profile.Algorithm, profile.KeyEncoding, krd.PublicKey, second.Raw, second.Signature));
        Assert.Equal(1u, first.SignCounter);
        Assert.Equal(2u, second.SignCounter);
        Assert.NotEqual(first.Nonce, second.Nonce);
    }

    [Fact]
    public async Task Signature_DoesNotVerify_OverTamperedSignedData()
    {
        var profile = AuthenticatorProfiles.P256Raw;
        var authenticator = new TestAuthenticators().Create(profile);
        var ct = TestContext.Current.CancellationToken;
        var krd = IndependentVerifier.ParseRegistration(await authenticator.RegisterAsync(AppId, "alice", FcParams, ct)).Krd;
        var signed = IndependentVerifier.ParseAuthentication(await authenticator.SignAsync(AppId, StrictBase64Url.Encode(krd.KeyId), FcParams, null, ct));

        var tampered = signed.Raw.ToArray();
        tampered[^1] ^= 0x01;

        Assert.False(IndependentVerifier.Verify(profile.Algorithm, profile.KeyEncoding, krd.PublicKey, tampered, signed.Signature));
    }

    [Fact]
    public async Task RegCounter_Increments_PerRegistration()
    {
        var authenticator = new TestAuthenticators().Create(AuthenticatorProfiles.P256RawSurrogate);
        var ct = TestContext.Current.CancellationToken;
        await authenticator.RegisterAsync(AppId, "alice", FcParams, ct);

        var second = IndependentVerifier.ParseRegistration(await authenticator.RegisterAsync(AppId, "bob", FcParams, ct));

        Assert.Equal(2u, second.Krd.RegCounter);
    }

    [Fact]
    public async Task SignAsync_FailsWithKeyDisappeared_ForUnknownKey()
    {
        var authenticator = new TestAuthenticators().Create(AuthenticatorProfiles.P256Raw);

        var error = await Assert.ThrowsAsync<UafClientException>(() =>
            authenticator.SignAsync(AppId, StrictBase64Url.Encode(RandomNumberGenerator.GetBytes(32)), FcParams, null, TestContext.Current.CancellationToken).AsTask());

        Assert.Equal(UafClientErrorCode.KeyDisappearedPermanently, error.ErrorCode);
    }
}
