using System.Security.Cryptography.X509Certificates;
using FigiAuth.Uaf.Algorithms;
using FigiAuth.Uaf.Assertions;
using FigiAuth.Uaf.Authentication;
using FigiAuth.Uaf.Encoding;
using FigiAuth.Uaf.Messages;
using FigiAuth.Uaf.Metadata;
using FigiAuth.Uaf.Registration;
using FigiAuth.Uaf.Tests.Support;
using FigiAuth.Uaf.Verification;
using Microsoft.Extensions.Time.Testing;

namespace FigiAuth.Uaf.Tests.Vectors;

/// <summary>
/// UAF v1.1 spec examples 9 and 11 (ABCD#ABCD, basic full, P-256 RAW) and the eBay DAB8#8011 /
/// Synaptics 138A#4202 responses, through the public verifiers.
/// </summary>
public sealed class SpecVectorTests
{
    private const string SpecAppId = "https://uaf-test-1.noknoktest.com:8443/SampleApp/uaf/facets";
    private const string SpecFacet = "com.noknok.android.sampleapp";
    private static readonly DateTimeOffset In2015 = new(2015, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static string SpecRegistrationResponse => VectorFiles.Text("spec-v1.1-registration-response.json");

    private static RegistrationAssertion SpecRegistrationAssertion =>
        RegistrationAssertionReader.Read(StrictBase64Url.Decode(
            (string)VectorFiles.Load("spec-v1.1-registration-response.json")[0]!["assertions"]![0]!["assertion"]!, "test", "assertion"));

    /// <summary>ABCD#ABCD as the brief describes it: P-256 RAW, X9.62 RAW, basic full, its own certificate as the root.</summary>
    private static MetadataStatement SpecMetadata => new()
    {
        Aaid = "ABCD#ABCD",
        AuthenticatorVersion = 256,
        AuthenticationAlgorithms = [UafSignatureAlgorithm.Secp256r1EcdsaSha256Raw],
        PublicKeyAlgAndEncodings = [UafPublicKeyEncoding.EccX962Raw],
        AttestationTypes = [UafAttestationType.BasicFull],
        AttestationRootCertificates = [SpecRegistrationAssertion.Certificates[0]],
    };

    private static IssuedUafRequest Issued(string challenge, UafOperation op, string? username, string appId, string aaid) =>
        new(challenge, op, username, appId, new UafPolicy([[new MatchCriteria { Aaid = [aaid] }]]), In2015.AddYears(10));

    [Fact]
    public async Task Succeeds_ForSpecRegistrationVector()
    {
        var store = new InMemoryCeremonyStore();
        store.Add(Issued("H9iW9yA9aAXF_lelQoi_DhUk514Ad8Tqv0zCnCqKDpo", UafOperation.Reg, "apa", SpecAppId, "ABCD#ABCD"));
        var result = await RegistrationVerifier.VerifyAsync(SpecRegistrationResponse, new RegistrationVerificationContext
        {
            AppId = SpecAppId,
            TrustedFacetIds = [SpecFacet],
            Metadata = new TestMetadataStore().Add(SpecMetadata),
            Ceremonies = store,
            TimeProvider = new FakeTimeProvider(In2015),
        }, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Failure?.ToString());
        var registration = Assert.Single(result.Value.Registrations);
        Assert.Equal(("ABCD#ABCD", "ZMCPn92yHv1Ip-iCiBb6i4ADq6ZOv569KFQCvYSJfNg"), (registration.Aaid, registration.KeyId));
        Assert.Equal(UafAttestationType.BasicFull, registration.AttestationType);
    }

    [Fact]
    public void Succeeds_ForSpecRegistrationVectorAttestationSignature()
    {
        // The data half of the check above, independent of the attestation code: the KRD element
        // (header included) verifies with the key of the included certificate.
        var assertion = SpecRegistrationAssertion;
        using var certificate = X509CertificateLoader.LoadCertificate(assertion.Certificates[0]);
        using var key = certificate.GetECDsaPublicKey()!;
        Assert.True(key.VerifyData(assertion.Krd.Raw, assertion.Signature, System.Security.Cryptography.HashAlgorithmName.SHA256));
    }

    private static AuthenticationVerificationContext SpecAuthContext(IUafRegistrationLookup registrations, IUafCeremonyStore store) => new()
    {
        AppId = SpecAppId,
        TrustedFacetIds = [SpecFacet],
        Metadata = new TestMetadataStore().Add(SpecMetadata),
        Ceremonies = store,
        TimeProvider = new FakeTimeProvider(In2015),
        Registrations = registrations,
        KeyCache = new UafPublicKeyCache(),
    };

    [Fact]
    public async Task Succeeds_ForSpecAuthenticationVector()
    {
        var krd = SpecRegistrationAssertion.Krd;
        var registrations = new InMemoryRegistrationLookup();
        registrations.Add(new StoredUafRegistration("user-apa", "apa", krd.Aaid, StrictBase64Url.Encode(krd.KeyId), krd.PublicKey,
            krd.SignatureAlgorithm, krd.PublicKeyEncoding, krd.SignCounter, UafRegistrationStatus.Active));
        var store = new InMemoryCeremonyStore();
        store.Add(Issued("HQ1VkTUQC1NJDOo6OOWdxewrb9i5WthjfKIehFxpeuU", UafOperation.Auth, "apa", SpecAppId, "ABCD#ABCD"));
        var result = await AuthenticationVerifier.VerifyAsync(VectorFiles.Text("spec-v1.1-authentication-response.json"), SpecAuthContext(registrations, store), TestContext.Current.CancellationToken);
        var outcome = Expect.Success(result);
        Assert.Equal((2u, "user-apa"), (Assert.Single(outcome.Assertions).SignCounter, outcome.UserId));
    }

    [Fact]
    public async Task Fails_With1498_WhenSpecAuthenticationVectorIsCheckedAgainstAnotherKey()
    {
        var other = new UafTestAuthenticator { Aaid = "ABCD#ABCD" };
        var registrations = new InMemoryRegistrationLookup();
        registrations.Add(new StoredUafRegistration("user-apa", "apa", "ABCD#ABCD", "ZMCPn92yHv1Ip-iCiBb6i4ADq6ZOv569KFQCvYSJfNg", other.PublicKey,
            UafSignatureAlgorithm.Secp256r1EcdsaSha256Raw, UafPublicKeyEncoding.EccX962Raw, 1, UafRegistrationStatus.Active));
        var store = new InMemoryCeremonyStore();
        store.Add(Issued("HQ1VkTUQC1NJDOo6OOWdxewrb9i5WthjfKIehFxpeuU", UafOperation.Auth, "apa", SpecAppId, "ABCD#ABCD"));
        var result = await AuthenticationVerifier.VerifyAsync(VectorFiles.Text("spec-v1.1-authentication-response.json"), SpecAuthContext(registrations, store), TestContext.Current.CancellationToken);
        Expect.Failure(result, UafStatusCode.UnacceptableContent, UafSteps.Auth18);
    }

    private static AuthenticationVerificationContext Dab8Context(UafMessageReaderOptions options, IUafCeremonyStore store)
    {
        var item = VectorFiles.EbayItem("getTestResponseAsJsonString()");
        var facet = "android:apk-key-hash:bE0f1WtRJrZv/C0y9CM73bAUqiI";
        var registrations = new InMemoryRegistrationLookup();
        registrations.Add(new StoredUafRegistration("user-dds", "dds", "DAB8#8011", "KEvxrLpMDKledX_3zN5L7FAPExPYD0NzO59SkFGrkhQ",
            StrictBase64Url.Decode((string)item["registered_public_key_spki_b64url"]!, "test", "key"),
            UafSignatureAlgorithm.Secp256r1EcdsaSha256Der, UafPublicKeyEncoding.EccX962Der, 0, UafRegistrationStatus.Active));
        return new AuthenticationVerificationContext
        {
            AppId = facet,
            TrustedFacetIds = [facet],
            Metadata = new TestMetadataStore().Add(new MetadataStatement
            {
                Aaid = "DAB8#8011",
                AuthenticationAlgorithms = [UafSignatureAlgorithm.Secp256r1EcdsaSha256Der],
                PublicKeyAlgAndEncodings = [UafPublicKeyEncoding.EccX962Der],
                AttestationTypes = [UafAttestationType.BasicFull],
            }),
            Ceremonies = store,
            TimeProvider = new FakeTimeProvider(In2015),
            Registrations = registrations,
            KeyCache = new UafPublicKeyCache(),
            ReaderOptions = options,
        };
    }

    private static (string Wire, InMemoryCeremonyStore Store) Dab8Response()
    {
        var message = VectorFiles.EbayItem("getTestResponseAsJsonString()")["uafResponse_message"]!.DeepClone();
        var store = new InMemoryCeremonyStore();
        store.Add(Issued("JDJhJDEwJE45TmZaZzlFYVhwcHpHbWNqekNwYWU", UafOperation.Auth, null, "android:apk-key-hash:bE0f1WtRJrZv/C0y9CM73bAUqiI", "DAB8#8011"));
        return (new System.Text.Json.Nodes.JsonArray(message).ToJsonString(), store);
    }

    [Fact]
    public async Task Succeeds_ForEbayDab8FullAuthenticationResponse_WhenUpv10IsAccepted()
    {
        var (wire, store) = Dab8Response();
        var result = await AuthenticationVerifier.VerifyAsync(wire, Dab8Context(new UafMessageReaderOptions { AcceptUpv10 = true }, store), TestContext.Current.CancellationToken);
        Assert.Equal("user-dds", Expect.Success(result).UserId);
    }

    [Fact]
    public async Task Fails_With1498_WhenEbayDab8Upv10ResponseMeetsTheStrictReader()
    {
        var (wire, store) = Dab8Response();
        var result = await AuthenticationVerifier.VerifyAsync(wire, Dab8Context(UafMessageReaderOptions.Strict, store), TestContext.Current.CancellationToken);
        Expect.Failure(result, UafStatusCode.UnacceptableContent, UafSteps.Auth01);
    }

    [Fact]
    public async Task Fails_With1498_WhenSynapticsRegistrationIsPastedUnderSpecFcParams()
    {
        var message = VectorFiles.EbayItem("getTestRegResponse2()")["uafResponse_message"]!.DeepClone();
        var store = new InMemoryCeremonyStore();
        store.Add(Issued("H9iW9yA9aAXF_lelQoi_DhUk514Ad8Tqv0zCnCqKDpo", UafOperation.Reg, "apa", SpecAppId, "138A#4202"));
        var result = await RegistrationVerifier.VerifyAsync(new System.Text.Json.Nodes.JsonArray(message).ToJsonString(), new RegistrationVerificationContext
        {
            AppId = SpecAppId,
            TrustedFacetIds = [SpecFacet],
            Metadata = new TestMetadataStore().Add(new MetadataStatement
            {
                Aaid = "138A#4202",
                AuthenticationAlgorithms = [UafSignatureAlgorithm.Secp256r1EcdsaSha256Der],
                PublicKeyAlgAndEncodings = [UafPublicKeyEncoding.EccX962Der],
                AttestationTypes = [UafAttestationType.BasicFull],
            }),
            Ceremonies = store,
            TimeProvider = new FakeTimeProvider(In2015),
            ReaderOptions = new UafMessageReaderOptions { AcceptUpv10 = true },
        }, TestContext.Current.CancellationToken);
        Expect.Failure(result, UafStatusCode.UnacceptableContent, UafSteps.Reg15);
    }
}
