using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Nodes;
using FigiAuth.Uaf.Algorithms;
using FigiAuth.Uaf.Authentication;
using FigiAuth.Uaf.Encoding;
using FigiAuth.Uaf.Messages;
using FigiAuth.Uaf.Metadata;
using FigiAuth.Uaf.Registration;
using FigiAuth.Uaf.Requests;
using FigiAuth.Uaf.Tests.Support;
using FigiAuth.Uaf.Tlv;
using FigiAuth.Uaf.Verification;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using BigInteger = Org.BouncyCastle.Math.BigInteger;
using BigIntegers = Org.BouncyCastle.Utilities.BigIntegers;

namespace FigiAuth.Uaf.Tests.Fuzz;

/// <summary>
/// Valid UAF inputs made with <see cref="UafTestAuthenticator"/>: assertions, response strings, fcParams,
/// transport bodies, and verifier contexts whose fakes cost nothing. The fuzz tests mutate them, the
/// SharpFuzz harness writes them as its seed corpus, the benchmarks verify them. No xunit in here.
/// Every byte is the same on every run (keys derived from labels, RFC 6979 signatures, fixed challenges,
/// nonces, serial numbers and clock): the fuzz tests then mutate the same inputs for the same seed, so a
/// failure in CI replays with FIGIAUTH_FUZZ_SEED, and no run meets inputs (signature and certificate
/// lengths, values) that the previous ones never saw.
/// </summary>
public sealed class UafSeedCeremonies
{
    public const string AppId = "https://login.figi.example/uaf/facets.json";
    public const string FacetId = "https://login.figi.example";

    /// <summary>The seeds' clock: certificate validity, ledger expiry and the verifiers' "now".</summary>
    public static readonly DateTimeOffset Now = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    public UafSeedCeremonies()
    {
        var expires = Now.AddDays(1);
        var policy = new UafPolicy([[new MatchCriteria { Aaid = [Authenticator.Aaid] }], [new MatchCriteria { Aaid = [BasicFullAuthenticator.Aaid] }]]);

        // Registration, surrogate and basic full (a test CA: root -> attestation certificate).
        RegistrationIssued = WithChallenge(UafRequestBuilder.Registration(AppId, "alice", policy, expires).Value, "registration",
            (r, c) => r with { Challenge = c }, r => JsonSerializer.Serialize([r], UafJsonContext.Default.RegistrationRequestArray));
        var regFcParams = Fcp.Encode(AppId, RegistrationIssued.Ledger.Challenge, FacetId);
        SurrogateAssertion = Authenticator.Register(Authenticator.KrdFields(regFcParams));
        (RootCertificate, var attestationKey, var leaf) = MakeAttestationCa();
        BasicFullAssertion = BasicFullAuthenticator.RegisterBasicFull(BasicFullAuthenticator.KrdFields(regFcParams), attestationKey, leaf);
        SurrogateRegistrationResponse = Wrap(RegistrationIssued.Request.Header, regFcParams, SurrogateAssertion);
        BasicFullRegistrationResponse = Wrap(RegistrationIssued.Request.Header, regFcParams, BasicFullAssertion);

        // Authentication with the key registered above (stored counter 5, signed counter 6).
        Authenticator.SignCounter = 6;
        AuthenticationIssued = WithChallenge(UafRequestBuilder.Authentication(AppId, "alice", policy, expires).Value, "authentication",
            (r, c) => r with { Challenge = c }, r => JsonSerializer.Serialize([r], UafJsonContext.Default.AuthenticationRequestArray));
        AuthenticationFcParams = Fcp.Encode(AppId, AuthenticationIssued.Ledger.Challenge, FacetId);
        AuthenticationAssertion = Authenticator.Sign(Authenticator.SignedDataFields(AuthenticationFcParams)
            .Set(UafTag.AuthenticatorNonce, DeterministicP256.Bytes("authenticator nonce", 16)));
        AuthenticationResponse = Wrap(AuthenticationIssued.Request.Header, AuthenticationFcParams, AuthenticationAssertion);
        Registration = new StoredUafRegistration(
            "user-1", "alice", Authenticator.Aaid, Authenticator.KeyIdBase64Url, Authenticator.PublicKey,
            UafSignatureAlgorithm.Secp256r1EcdsaSha256Raw, UafPublicKeyEncoding.EccX962Raw, 5, UafRegistrationStatus.Active);

        var basicFull = TestMetadataStore.SurrogateP256(BasicFullAuthenticator.Aaid) with
        {
            AttestationTypes = [UafAttestationType.BasicFull],
            AttestationRootCertificates = [RootCertificate],
        };
        Metadata = new InMemoryMetadataStore([new MetadataEntry(TestMetadataStore.SurrogateP256(Authenticator.Aaid)), new MetadataEntry(basicFull)]);
    }

    /// <summary>Surrogate attestation (FFFF#FC01); it also authenticates.</summary>
    public UafTestAuthenticator Authenticator { get; } = DeterministicAuthenticator("FFFF#FC01");
    /// <summary>Basic full attestation under <see cref="RootCertificate"/> (FFFF#FC02).</summary>
    public UafTestAuthenticator BasicFullAuthenticator { get; } = DeterministicAuthenticator("FFFF#FC02");
    public byte[] RootCertificate { get; }
    public InMemoryMetadataStore Metadata { get; }
    public StoredUafRegistration Registration { get; }

    public IssuedUafMessage<RegistrationRequest> RegistrationIssued { get; }
    public byte[] SurrogateAssertion { get; }
    public byte[] BasicFullAssertion { get; }
    public string SurrogateRegistrationResponse { get; }
    public string BasicFullRegistrationResponse { get; }

    public IssuedUafMessage<AuthenticationRequest> AuthenticationIssued { get; }
    public string AuthenticationFcParams { get; }
    public byte[] AuthenticationAssertion { get; }
    public string AuthenticationResponse { get; }

    /// <summary>Every valid TLV assertion.</summary>
    public IReadOnlyList<byte[]> Assertions => [SurrogateAssertion, BasicFullAssertion, AuthenticationAssertion];

    /// <summary>Every valid wire string: responses, requests, decoded fcParams and /get and /respond bodies.</summary>
    public IReadOnlyList<string> Messages =>
    [
        SurrogateRegistrationResponse,
        BasicFullRegistrationResponse,
        AuthenticationResponse,
        RegistrationIssued.Json,
        AuthenticationIssued.Json,
        System.Text.Encoding.UTF8.GetString(StrictBase64Url.Decode(AuthenticationFcParams, "seed", "fcParams")),
        JsonSerializer.Serialize(new GetUafRequest(UafOperation.Auth, null, """{"username":"alice"}"""), UafJsonContext.Default.GetUafRequest),
        JsonSerializer.Serialize(new SendUafResponse(AuthenticationResponse, "{}"), UafJsonContext.Default.SendUafResponse),
    ];

    public RegistrationVerificationContext RegistrationContext() => new()
    {
        AppId = AppId,
        TrustedFacetIds = [FacetId],
        Metadata = Metadata,
        Ceremonies = new AlwaysIssuedCeremonyStore(RegistrationIssued.Ledger),
        TimeProvider = new FixedClock(Now),
        ExistingRegistrations = new SingleRegistrationLookup(null),
    };

    public AuthenticationVerificationContext AuthenticationContext(UafPublicKeyCache keyCache) => new()
    {
        AppId = AppId,
        TrustedFacetIds = [FacetId],
        Metadata = Metadata,
        Ceremonies = new AlwaysIssuedCeremonyStore(AuthenticationIssued.Ledger),
        TimeProvider = new FixedClock(Now),
        Registrations = new SingleRegistrationLookup(Registration),
        KeyCache = keyCache,
    };

    /// <summary>A response dictionary array around <paramref name="assertions"/>, as a client sends it.</summary>
    public static string Wrap(OperationHeader header, string fcParams, params byte[][] assertions) =>
        new JsonArray(new JsonObject
        {
            ["header"] = JsonSerializer.SerializeToNode(header, UafJsonContext.Default.OperationHeader),
            ["fcParams"] = fcParams,
            ["assertions"] = new JsonArray(assertions.Select(a => (JsonNode)new JsonObject
            {
                ["assertionScheme"] = "UAFV1TLV",
                ["assertion"] = StrictBase64Url.Encode(a),
            }).ToArray()),
        }).ToJsonString();

    private static (byte[] Root, ECDsa AttestationKey, byte[] Leaf) MakeAttestationCa()
    {
        using var rootKey = DeterministicP256.Key("fuzz root");
        var attestationKey = DeterministicP256.Key("fuzz attestation");
        var rootRequest = new CertificateRequest("CN=FigiAuth Fuzz Root", rootKey, HashAlgorithmName.SHA256);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        var rootSigner = new DeterministicP256.CertificateSigner(rootKey);
        using var root = rootRequest.Create(rootRequest.SubjectName, rootSigner, Now.AddYears(-1), Now.AddYears(5), [1]);
        var leafRequest = new CertificateRequest("CN=FigiAuth Fuzz Authenticator", attestationKey, HashAlgorithmName.SHA256);
        using var leaf = leafRequest.Create(root.SubjectName, rootSigner, Now.AddDays(-1), Now.AddYears(2), [7]);
        return (root.RawData, attestationKey, leaf.RawData);
    }

    private static UafTestAuthenticator DeterministicAuthenticator(string aaid) => new()
    {
        Aaid = aaid,
        Key = DeterministicP256.Key($"{aaid} UAuth key"),
        KeyId = DeterministicP256.Bytes($"{aaid} KeyID", 32),
        SignWith = DeterministicP256.SignRaw,
    };

    /// <summary>The issued request with a challenge derived from <paramref name="label"/> in its message, wire JSON and ledger.</summary>
    private static IssuedUafMessage<T> WithChallenge<T>(IssuedUafMessage<T> issued, string label, Func<T, string, T> withChallenge, Func<T, string> json)
    {
        var challenge = StrictBase64Url.Encode(DeterministicP256.Bytes($"{label} challenge", UafRequestBuilder.ChallengeBytes));
        var request = withChallenge(issued.Request, challenge);
        return new IssuedUafMessage<T>(request, json(request), issued.Ledger with { Challenge = challenge });
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

/// <summary>
/// P-256 for reproducible seeds: private keys derived from a label, ECDSA SHA-256 signatures with the RFC 6979
/// nonce (BouncyCastle), so the same data gives the same signature bytes on every run.
/// </summary>
public static class DeterministicP256
{
    private static readonly ECDomainParameters Domain = new(Org.BouncyCastle.Asn1.X9.ECNamedCurveTable.GetByName("P-256"));

    /// <summary><paramref name="length"/> (at most 64) bytes derived from <paramref name="label"/>.</summary>
    public static byte[] Bytes(string label, int length) => SHA512.HashData(System.Text.Encoding.UTF8.GetBytes(label))[..length];

    public static ECDsa Key(string label)
    {
        var d = new BigInteger(1, Bytes(label, 32)).Mod(Domain.N.Subtract(BigInteger.One)).Add(BigInteger.One);
        var q = Domain.G.Multiply(d).Normalize();
        return ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            D = BigIntegers.AsUnsignedByteArray(32, d),
            Q = new ECPoint { X = q.AffineXCoord.GetEncoded(), Y = q.AffineYCoord.GetEncoded() },
        });
    }

    /// <summary>r‖s, 32 bytes each (SECP256R1_ECDSA_SHA256_RAW).</summary>
    public static byte[] SignRaw(ECDsa key, byte[] data)
    {
        var (r, s) = Sign(key, data);
        return [.. BigIntegers.AsUnsignedByteArray(32, r), .. BigIntegers.AsUnsignedByteArray(32, s)];
    }

    /// <summary>SEQUENCE { r, s } in DER (X.509 signatures).</summary>
    public static byte[] SignDer(ECDsa key, byte[] data)
    {
        var (r, s) = Sign(key, data);
        return new Org.BouncyCastle.Asn1.DerSequence(new Org.BouncyCastle.Asn1.DerInteger(r), new Org.BouncyCastle.Asn1.DerInteger(s)).GetDerEncoded();
    }

    private static (BigInteger R, BigInteger S) Sign(ECDsa key, byte[] data)
    {
        var signer = new ECDsaSigner(new HMacDsaKCalculator(new Org.BouncyCastle.Crypto.Digests.Sha256Digest()));
        signer.Init(true, new ECPrivateKeyParameters(new BigInteger(1, key.ExportParameters(true).D), Domain));
        var rs = signer.GenerateSignature(SHA256.HashData(data));
        return (rs[0], rs[1]);
    }

    /// <summary>Signs certificates (ecdsa-with-SHA256) with <see cref="SignDer"/>.</summary>
    public sealed class CertificateSigner(ECDsa key) : X509SignatureGenerator
    {
        private readonly X509SignatureGenerator _ecdsa = CreateForECDsa(key);

        public override byte[] GetSignatureAlgorithmIdentifier(HashAlgorithmName hashAlgorithm) =>
            hashAlgorithm == HashAlgorithmName.SHA256
                ? _ecdsa.GetSignatureAlgorithmIdentifier(hashAlgorithm)
                : throw new ArgumentOutOfRangeException(nameof(hashAlgorithm), "SHA-256 only");

        public override byte[] SignData(byte[] data, HashAlgorithmName hashAlgorithm) => SignDer(key, data);

        protected override PublicKey BuildPublicKey() => _ecdsa.PublicKey;
    }
}

/// <summary>A challenge ledger that answers every challenge with one issued record: mutated responses reach the later steps.</summary>
public sealed class AlwaysIssuedCeremonyStore(IssuedUafRequest issued) : IUafCeremonyStore
{
    public ValueTask<IssuedUafRequest?> TryConsumeAsync(string challenge, UafOperation operation, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IssuedUafRequest?>(issued.Challenge == challenge ? issued : issued with { Challenge = challenge });
}

/// <summary>A registrations table with at most one row, found under any (AAID, KeyID).</summary>
public sealed class SingleRegistrationLookup(StoredUafRegistration? registration) : IUafRegistrationLookup
{
    public ValueTask<StoredUafRegistration?> FindAsync(string aaid, string keyIdBase64Url, CancellationToken cancellationToken) =>
        ValueTask.FromResult(registration);
}
